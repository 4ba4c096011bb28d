import { useT } from '../../i18n/context.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';

interface Props {
  value: string[];
  problems: Problems;
  disabled: boolean;
  onChange(next: string[]): void;
}

const maxVariants = 20;

/** Several wordings of the public reply: Instagram flags an account that posts one text again and again. */
export function ReplyVariants({ value, problems, disabled, onChange }: Props) {
  const t = useT();
  return (
    <fieldset className="auto-fieldset" data-testid="public-replies">
      <legend>{t('automation.comments.publicReplies')}</legend>
      <p className="muted small">{t('automation.comments.publicRepliesHint')}</p>
      {value.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: variants have no identity but their place
        <div className="auto-variant" key={i}>
          <textarea
            rows={2}
            maxLength={2200}
            value={v}
            disabled={disabled}
            aria-label={t('automation.comments.variant', { n: i + 1 })}
            onChange={(e) => onChange(value.map((x, j) => (j === i ? e.target.value : x)))}
            data-testid="public-reply"
          />
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={disabled || value.length === 1}
            aria-label={t('automation.comments.removeVariant')}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ×
          </button>
          <FieldNote problems={problems} field={`publicReplies.${i}`} />
        </div>
      ))}
      <FieldNote problems={problems} field="publicReplies" />
      {value.length < maxVariants && (
        <button
          type="button"
          className="btn btn-small"
          disabled={disabled}
          onClick={() => onChange([...value, ''])}
          data-testid="public-reply-add"
        >
          {t('automation.comments.addVariant')}
        </button>
      )}
    </fieldset>
  );
}
