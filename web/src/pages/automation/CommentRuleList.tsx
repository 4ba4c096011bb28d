import { useT } from '../../i18n/context.js';
import { RuleRowControls } from './RuleRowControls.js';
import type { CommentRule } from './types.js';
import type { AutomationContext } from './use-automation-context.js';

interface Props {
  ctx: AutomationContext;
  rules: CommentRule[];
  busyId: string | null;
  onEdit(id: string): void;
  onToggle(rule: CommentRule, active: boolean): void;
  onMove(index: number, delta: -1 | 1): void;
}

export function CommentRuleList({ ctx, rules, busyId, onEdit, onToggle, onMove }: Props) {
  const t = useT();
  const busy = busyId !== null;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="comment-rule-list">
        <thead>
          <tr>
            <th>{t('automation.list.order')}</th>
            <th>{t('automation.comments.name')}</th>
            <th>{t('automation.comments.scope')}</th>
            <th>{t('automation.list.keywords')}</th>
            <th>{t('automation.comments.answers')}</th>
            <th>{t('automation.list.active')}</th>
            <th>
              <span className="visually-hidden">{t('automation.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => (
            <tr
              key={r.id}
              data-testid="comment-rule-row"
              data-id={r.id}
              className={r.isActive ? '' : 'auto-off'}
            >
              <td className="nowrap">
                <span className="auto-order">{i + 1}</span>
                {ctx.isOwner && (
                  <span className="auto-move">
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={busy || i === 0}
                      aria-label={t('automation.list.up')}
                      onClick={() => onMove(i, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={busy || i === rules.length - 1}
                      aria-label={t('automation.list.down')}
                      onClick={() => onMove(i, 1)}
                    >
                      ↓
                    </button>
                  </span>
                )}
              </td>
              <td>{r.name}</td>
              <td className="small">
                {scopeText(t, r)}
                {ctx.accounts.length > 1 && (
                  <span className="block muted">
                    {ctx.accountName(r.accountId) ?? t('automation.account.all')}
                  </span>
                )}
              </td>
              <td>
                {r.keywords.length === 0 ? (
                  <span className="muted small">{t('automation.comments.everyComment')}</span>
                ) : (
                  <ul className="auto-chips">
                    {r.keywords.map((k) => (
                      <li key={k} className="auto-chip mono">
                        {k}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="small">
                {r.publicReplies.length > 0 && (
                  <span className="block">
                    {t('automation.comments.publicCount', { n: r.publicReplies.length })}
                  </span>
                )}
                {r.privateReply && <span className="block">{t('automation.comments.withDm')}</span>}
              </td>
              <RuleRowControls
                active={r.isActive}
                canEdit={ctx.isOwner}
                busy={busy}
                onToggle={(active) => onToggle(r, active)}
                onEdit={() => onEdit(r.id)}
                testId="comment-rule"
              />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function scopeText(t: ReturnType<typeof useT>, r: CommentRule): string {
  if (r.scope === 'media') return t('automation.comments.scopeMedia', { n: r.mediaIds.length });
  if (r.scope === 'next_post')
    return r.mediaIds.length > 0
      ? t('automation.comments.scopeNextBound')
      : t('automation.comments.scopeNextWaiting');
  return t('automation.comments.scope.all');
}
