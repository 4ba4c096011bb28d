import type { FormEvent } from 'react';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { AccountSelect } from './AccountSelect.js';
import { AttachmentField } from './AttachmentField.js';
import { DurationField } from './DurationField.js';
import { EditorActions } from './EditorActions.js';
import { FieldNote } from './FieldNote.js';
import { HoursField } from './HoursField.js';
import { KeywordsField } from './KeywordsField.js';
import { QuickRepliesField } from './QuickRepliesField.js';
import { nextPriority } from './reorder.js';
import { emptyRuleForm, formFromRule, type RuleForm, ruleBody, ruleFormProblems } from './rule-form.js';
import type { DmRule } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { useEditor } from './use-editor.js';

interface Props {
  ctx: AutomationContext;
  /** null: a new rule */
  rule: DmRule | null;
  rules: readonly DmRule[];
  onSaved(rule: DmRule): void;
  onDeleted(): void;
  onCancel(): void;
}

/** Creates or changes a DM keyword rule; the server's objections appear next to their fields. */
export function RuleEditor({ ctx, rule, rules, onSaved, onDeleted, onCancel }: Props) {
  const t = useT();
  const api = useApi();
  const ed = useEditor<RuleForm, DmRule>(
    () => (rule ? formFromRule(rule, ctx.timezone) : emptyRuleForm(ctx.timezone)),
    ruleFormProblems,
  );
  const { form, update, problems } = ed;
  const off = !ctx.isOwner || ed.save.busy;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await ed.submit((f) =>
      rule
        ? api.patch<DmRule>(`/dm-keywords/${encodeURIComponent(rule.id)}`, ruleBody(f))
        : api.post<DmRule>('/dm-keywords', ruleBody(f, nextPriority(rules))),
    );
    if (saved) onSaved(saved);
  };
  const remove = async () => {
    if (!rule) return;
    const done = await ed.remove.run(async () => {
      await api.del(`/dm-keywords/${encodeURIComponent(rule.id)}`);
      return true;
    });
    if (done) onDeleted();
  };

  return (
    <form className="card auto-editor" onSubmit={(e) => void submit(e)} data-testid="rule-editor" noValidate>
      <h2>{rule ? t('automation.rule.editTitle') : t('automation.rule.newTitle')}</h2>
      <KeywordsField
        keywords={form.keywords}
        matchType={form.matchType}
        problems={problems}
        disabled={off}
        onChange={update}
      />
      <label className="field">
        <span>{t('automation.rule.reply')}</span>
        <textarea
          rows={4}
          maxLength={1000}
          value={form.responseMessage}
          disabled={off}
          onChange={(e) => update({ responseMessage: e.target.value })}
          data-testid="rule-reply"
        />
        <FieldNote problems={problems} field="responseMessage" />
      </label>
      <QuickRepliesField
        value={form.quickReplies}
        field="quickReplies"
        problems={problems}
        disabled={off}
        onChange={(quickReplies) => update({ quickReplies })}
      />
      <AttachmentField
        value={form.attachment}
        problems={problems}
        disabled={off}
        onChange={(attachment) => update({ attachment })}
      />
      <div className="auto-row">
        <AccountSelect
          ctx={ctx}
          value={form.accountId}
          disabled={off}
          onChange={(accountId) => update({ accountId })}
        />
        <DurationField
          label={t('automation.rule.cooldown')}
          hint={t('automation.rule.cooldownHint')}
          value={form.cooldown}
          field="cooldownSeconds"
          problems={problems}
          disabled={off}
          testId="rule-cooldown"
          onChange={(cooldown) => update({ cooldown })}
        />
      </div>
      <label className="toggle auto-toggle">
        <input
          type="checkbox"
          checked={form.activeHoursOn}
          disabled={off}
          onChange={(e) => update({ activeHoursOn: e.target.checked })}
          data-testid="rule-hours-on"
        />
        <span>{t('automation.rule.activeHours')}</span>
      </label>
      {form.activeHoursOn && (
        <HoursField
          value={form.activeHours}
          field="activeHours"
          problems={problems}
          disabled={off}
          onChange={(activeHours) => update({ activeHours })}
        />
      )}
      <label className="toggle auto-toggle">
        <input
          type="checkbox"
          checked={form.isActive}
          disabled={off}
          onChange={(e) => update({ isActive: e.target.checked })}
          data-testid="rule-active"
        />
        <span>{t('automation.rule.active')}</span>
      </label>
      <EditorActions
        name="rule"
        saving={ed.save.busy}
        disabled={off}
        saveError={ed.save.error}
        deleteError={ed.remove.error}
        onDelete={rule && ctx.isOwner ? () => void remove() : undefined}
        onCancel={onCancel}
      />
    </form>
  );
}
