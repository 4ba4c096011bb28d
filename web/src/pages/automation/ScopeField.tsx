import { useT } from '../../i18n/context.js';
import { AccountSelect } from './AccountSelect.js';
import type { CommentRuleForm } from './comment-rule-form.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';
import { PostPicker } from './PostPicker.js';
import { type CommentRule, commentScopes } from './types.js';
import type { AutomationContext } from './use-automation-context.js';

interface Props {
  ctx: AutomationContext;
  form: CommentRuleForm;
  /** the saved rule: a "next post" rule shows the post it attached itself to */
  rule: CommentRule | null;
  problems: Problems;
  disabled: boolean;
  onChange(patch: Partial<CommentRuleForm>): void;
}

/** Which posts a comment rule covers: all, the ones picked in the post picker, or the next one published. */
export function ScopeField({ ctx, form, rule, problems, disabled, onChange }: Props) {
  const t = useT();
  const off = disabled;
  return (
    <fieldset className="auto-fieldset">
      <legend>{t('automation.comments.scope')}</legend>
      <div className="auto-radios">
        {commentScopes.map((s) => (
          <label key={s} className="toggle">
            <input
              type="radio"
              name="scope"
              value={s}
              checked={form.scope === s}
              disabled={off}
              onChange={() => onChange({ scope: s })}
              data-testid={`scope-${s}`}
            />
            <span>{t(`automation.comments.scope.${s}`)}</span>
          </label>
        ))}
      </div>
      <AccountSelect
        ctx={ctx}
        value={form.accountId}
        required={form.scope !== 'all'}
        disabled={off}
        onChange={(accountId) => onChange({ accountId, mediaIds: [] })}
      />
      <FieldNote problems={problems} field="accountId" />
      {form.scope === 'next_post' && <p className="muted small">{t('automation.comments.nextPostHint')}</p>}
      {rule?.scope === 'next_post' && rule.mediaIds.length > 0 && form.scope === 'next_post' && (
        <p className="small">{t('automation.comments.nextPostBound', { id: rule.mediaIds[0] ?? '' })}</p>
      )}
      {form.scope === 'media' && form.accountId && (
        <PostPicker
          accountId={form.accountId}
          selected={form.mediaIds}
          disabled={off}
          onChange={(mediaIds) => onChange({ mediaIds })}
        />
      )}
      <FieldNote problems={problems} field="mediaIds" />
    </fieldset>
  );
}
