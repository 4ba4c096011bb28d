import type { FieldErrors } from './field-errors.js';

/** the server's words about one field, right under it */
export function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const messages = errors[field];
  if (!messages?.length) return null;
  return (
    <span className="pub-field-error" role="alert" data-testid={`field-error-${field}`}>
      {messages.join('; ')}
    </span>
  );
}
