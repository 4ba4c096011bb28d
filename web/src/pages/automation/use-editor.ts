import { useCallback, useState } from 'react';
import { useAction } from '../accounts/use-action.js';
import { fieldProblems, type Problems } from './field-errors.js';
import type { LocalProblem } from './rule-form.js';

/**
 * A rule editor's form state, and saving it: local problems are shown only once the person has
 * tried to save (not while they type a first word), the server's answer lands next to its field.
 */
export function useEditor<F, R>(initial: () => F, check: (form: F) => LocalProblem[]) {
  const [form, setForm] = useState<F>(initial);
  const [tried, setTried] = useState(false);
  const save = useAction<R>();
  const remove = useAction<unknown>();

  const update = useCallback((patch: Partial<F>) => setForm((f) => ({ ...f, ...patch })), []);
  const local = check(form);
  const problems: Problems = { local: tried ? local : [], server: fieldProblems(save.error) };

  /** runs `request` unless the form has problems it can see itself */
  const submit = async (request: (form: F) => Promise<R>): Promise<R | undefined> => {
    setTried(true);
    if (local.length > 0) return undefined;
    return save.run(() => request(form));
  };

  return { form, update, problems, submit, save, remove };
}
