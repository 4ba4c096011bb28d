import type { FormEvent } from 'react';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import {
  type CommentRuleForm,
  commentFormFromRule,
  commentFormProblems,
  commentRuleBody,
  emptyCommentForm,
} from './comment-rule-form.js';
import { EditorActions } from './EditorActions.js';
import { FieldNote } from './FieldNote.js';
import { KeywordsField } from './KeywordsField.js';
import { ReplyVariants } from './ReplyVariants.js';
import { nextPriority } from './reorder.js';
import { ScopeField } from './ScopeField.js';
import type { CommentRule } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { useEditor } from './use-editor.js';

interface Props {
  ctx: AutomationContext;
  rule: CommentRule | null;
  rules: readonly CommentRule[];
  onSaved(): void;
  onDeleted(): void;
  onCancel(): void;
}

/** A comment rule: which posts, which words, the public reply variants and the private DM. */
export function CommentRuleEditor({ ctx, rule, rules, onSaved, onDeleted, onCancel }: Props) {
  const t = useT();
  const api = useApi();
  const ed = useEditor<CommentRuleForm, CommentRule>(
    () =>
      rule
        ? commentFormFromRule(rule)
        : emptyCommentForm(ctx.accounts.length === 1 ? (ctx.accounts[0]?.id ?? '') : ''),
    commentFormProblems,
  );
  const { form, update, problems } = ed;
  const off = !ctx.isOwner || ed.save.busy;
  const path = rule ? `/comment-rules/${encodeURIComponent(rule.id)}` : '/comment-rules';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await ed.submit((f) =>
      rule
        ? api.patch<CommentRule>(path, commentRuleBody(f))
        : api.post<CommentRule>(path, commentRuleBody(f, nextPriority(rules))),
    );
    if (saved) onSaved();
  };
  const remove = async () => {
    const done = await ed.remove.run(async () => {
      await api.del(path);
      return true;
    });
    if (done) onDeleted();
  };

  return (
    <form
      className="card auto-editor"
      onSubmit={(e) => void submit(e)}
      data-testid="comment-rule-editor"
      noValidate
    >
      <h2>{rule ? t('automation.comments.editTitle') : t('automation.comments.newTitle')}</h2>
      <label className="field">
        <span>{t('automation.comments.name')}</span>
        <input
          value={form.name}
          maxLength={100}
          disabled={off}
          placeholder={t('automation.comments.namePlaceholder')}
          onChange={(e) => update({ name: e.target.value })}
          data-testid="comment-rule-name"
        />
        <FieldNote problems={problems} field="name" />
      </label>
      <ScopeField ctx={ctx} form={form} rule={rule} problems={problems} disabled={off} onChange={update} />
      <KeywordsField
        keywords={form.keywords}
        matchType={form.matchType}
        problems={problems}
        disabled={off}
        optional
        onChange={update}
      />
      <ReplyVariants
        value={form.publicReplies}
        problems={problems}
        disabled={off}
        onChange={(publicReplies) => update({ publicReplies })}
      />
      <label className="toggle auto-toggle">
        <input
          type="checkbox"
          checked={form.privateReplyOn}
          disabled={off}
          onChange={(e) => update({ privateReplyOn: e.target.checked })}
          data-testid="private-reply-on"
        />
        <span>{t('automation.comments.privateReplyOn')}</span>
      </label>
      {form.privateReplyOn && (
        <label className="field">
          <span>{t('automation.comments.privateReply')}</span>
          <textarea
            rows={3}
            maxLength={1000}
            value={form.privateReply}
            disabled={off}
            onChange={(e) => update({ privateReply: e.target.value })}
            data-testid="private-reply"
          />
          <FieldNote
            problems={problems}
            field="privateReply"
            hint={t('automation.comments.privateReplyHint')}
          />
        </label>
      )}
      <label className="toggle auto-toggle">
        <input
          type="checkbox"
          checked={form.isActive}
          disabled={off}
          onChange={(e) => update({ isActive: e.target.checked })}
        />
        <span>{t('automation.rule.active')}</span>
      </label>
      <EditorActions
        name="comment-rule"
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
