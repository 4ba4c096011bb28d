import { useCallback, useState } from 'react';
import { type FieldErrors, fieldErrors, formLevelError } from './field-errors.js';

/**
 * A form's save: busy while it runs; a validation error is split into the messages its fields
 * show and whatever is left for the top of the form.
 */
export function useSave(fields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = fields.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the field list
  const run = useCallback(
    async <T>(request: () => Promise<T>): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        return await request();
      } catch (err) {
        setError(err);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [key],
  );
  const byField: FieldErrors = fieldErrors(error);
  return { busy, error, byField, formError: formLevelError(error, fields), run, reset: () => setError(null) };
}
