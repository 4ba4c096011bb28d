import { useT } from '../../i18n/context.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';
import { maxQuickReplies } from './rule-form.js';
import type { QuickReply } from './types.js';

interface Props {
  value: QuickReply[];
  problems: Problems;
  /** where the server reports problems: `quickReplies` or `welcome.quickReplies` */
  field: string;
  disabled: boolean;
  onChange(next: QuickReply[]): void;
}

/** Buttons the customer can tap under the reply (Instagram: up to 13, titles of up to 20 characters). */
export function QuickRepliesField({ value, problems, field, disabled, onChange }: Props) {
  const t = useT();
  const set = (i: number, patch: Partial<QuickReply>) =>
    onChange(value.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <fieldset className="auto-fieldset" data-testid="quick-replies">
      <legend>{t('automation.quick.label')}</legend>
      {value.length === 0 && <p className="muted small">{t('automation.quick.none')}</p>}
      {value.map((q, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div className="auto-quick" key={i}>
          <input
            value={q.title}
            maxLength={20}
            disabled={disabled}
            placeholder={t('automation.quick.title')}
            aria-label={t('automation.quick.title')}
            onChange={(e) => set(i, { title: e.target.value })}
            data-testid="quick-title"
          />
          <input
            value={q.payload}
            maxLength={1000}
            disabled={disabled}
            placeholder={t('automation.quick.payload')}
            aria-label={t('automation.quick.payload')}
            onChange={(e) => set(i, { payload: e.target.value })}
          />
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={disabled}
            aria-label={t('automation.quick.remove')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </button>
          <FieldNote problems={problems} field={`${field}.${i}`} />
        </div>
      ))}
      {value.length < maxQuickReplies && (
        <button
          type="button"
          className="btn btn-small"
          disabled={disabled}
          onClick={() => onChange([...value, { title: '', payload: '' }])}
          data-testid="quick-add"
        >
          {t('automation.quick.add')}
        </button>
      )}
    </fieldset>
  );
}
