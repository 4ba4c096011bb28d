import { useI18n } from '../../i18n/context.js';
import { RuleRowControls } from './RuleRowControls.js';
import { activeHoursText, cooldownText } from './rule-summary.js';
import type { DmRule } from './types.js';
import type { AutomationContext } from './use-automation-context.js';

interface Props {
  ctx: AutomationContext;
  rules: DmRule[];
  busyId: string | null;
  onEdit(id: string): void;
  onToggle(rule: DmRule, active: boolean): void;
  onMove(index: number, delta: -1 | 1): void;
}

/** The rules in the order they are tried: the first that matches answers. */
export function RuleList({ ctx, rules, busyId, onEdit, onToggle, onMove }: Props) {
  const { t, locale } = useI18n();
  const several = ctx.accounts.length > 1;
  return (
    <div className="table-wrap">
      <table className="table auto-rules" data-testid="rule-list">
        <thead>
          <tr>
            <th>{t('automation.list.order')}</th>
            <th>{t('automation.list.keywords')}</th>
            <th>{t('automation.list.reply')}</th>
            <th>{t('automation.list.when')}</th>
            <th>{t('automation.list.active')}</th>
            <th>
              <span className="visually-hidden">{t('automation.edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r, i) => {
            const busy = busyId !== null;
            return (
              <tr
                key={r.id}
                data-testid="rule-row"
                data-id={r.id}
                data-active={String(r.isActive)}
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
                        data-testid="rule-up"
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-small"
                        disabled={busy || i === rules.length - 1}
                        aria-label={t('automation.list.down')}
                        onClick={() => onMove(i, 1)}
                        data-testid="rule-down"
                      >
                        ↓
                      </button>
                    </span>
                  )}
                </td>
                <td>
                  <ul className="auto-chips" data-testid="rule-keywords-list">
                    {r.keywords.map((k) => (
                      <li key={k} className="auto-chip mono">
                        {k}
                      </li>
                    ))}
                  </ul>
                  <span className="muted small">{t(`automation.match.${r.matchType}`)}</span>
                </td>
                <td className="auto-reply-cell" data-testid="rule-reply-text">
                  {r.responseMessage}
                  {(r.quickReplies.length > 0 || r.attachment) && (
                    <span className="block muted small">
                      {[
                        r.quickReplies.length > 0
                          ? t('automation.list.buttons', { n: r.quickReplies.length })
                          : null,
                        r.attachment ? t('automation.list.withFile') : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                  )}
                </td>
                <td className="small">
                  <span className="block">{cooldownText(t, r.cooldownSeconds)}</span>
                  <span className="block muted">{activeHoursText(t, locale, r)}</span>
                  {several && (
                    <span className="block muted">
                      {ctx.accountName(r.accountId) ?? t('automation.account.all')}
                    </span>
                  )}
                </td>
                <RuleRowControls
                  active={r.isActive}
                  canEdit={ctx.isOwner}
                  busy={busy}
                  onToggle={(active) => onToggle(r, active)}
                  onEdit={() => onEdit(r.id)}
                  testId="rule"
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
