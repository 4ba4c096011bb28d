import { useT } from '../../i18n/context.js';
import { type Problems, problemText } from './field-errors.js';

/** the problem of one field, right under it */
export function FieldNote({ problems, field, hint }: { problems: Problems; field: string; hint?: string }) {
  const t = useT();
  const text = problemText(t, problems, field);
  if (text)
    return (
      <span className="auto-field-error" role="alert" data-testid={`problem-${field}`}>
        {text}
      </span>
    );
  return hint ? <span className="muted small auto-hint">{hint}</span> : null;
}
