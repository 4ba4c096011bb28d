import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { RuleEditor } from './RuleEditor.js';
import { RuleList } from './RuleList.js';
import { RuleTester } from './RuleTester.js';
import { queryParam, withParam } from './sections.js';
import type { DmRule } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { useRuleList } from './use-rule-list.js';

/** DM keyword rules: the list in run order, the editor (?edit=new|<id>) and the live tester. */
export function RulesSection({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const list = useRuleList<DmRule>('/dm-keywords');
  const [version, setVersion] = useState(0);
  const editing = queryParam(search, 'edit');
  const rules = list.rules ?? [];
  const open = editing && editing !== 'new' ? rules.find((r) => r.id === editing) : undefined;
  const go = (id: string | null) => navigate(`/automation${withParam(search, 'edit', id)}`);
  const changed = async () => {
    await list.reload();
    setVersion((v) => v + 1);
    go(null);
  };

  return (
    <div className="auto-split">
      <section className="auto-main" aria-label={t('automation.tab.rules')}>
        {editing && (editing === 'new' || open) && ctx.loaded ? (
          <RuleEditor
            key={editing}
            ctx={ctx}
            rule={open ?? null}
            rules={rules}
            onSaved={() => void changed()}
            onDeleted={() => void changed()}
            onCancel={() => go(null)}
          />
        ) : (
          <>
            <div className="auto-section-head">
              <p className="muted">{t('automation.rules.intro')}</p>
              {ctx.isOwner && (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => go('new')}
                  data-testid="rule-new"
                >
                  {t('automation.rules.new')}
                </button>
              )}
            </div>
            <ErrorMessage error={list.loadError} onRetry={() => void list.reload()} testId="rules-error" />
            <ErrorMessage error={list.error} testId="rules-action-error" />
            {editing && list.rules && !open && (
              <p className="alert alert-info">{t('automation.rules.gone')}</p>
            )}
            {!list.rules && !list.loadError && <p className="muted">{t('common.loading')}</p>}
            {list.rules?.length === 0 && (
              <div className="card empty-state" data-testid="rules-empty">
                <p className="muted">{t('automation.rules.empty')}</p>
              </div>
            )}
            {rules.length > 0 && (
              <RuleList
                ctx={ctx}
                rules={rules}
                busyId={list.busyId}
                onEdit={(id) => go(id)}
                onToggle={(r, active) => void list.setActive(r, active).then(() => setVersion((v) => v + 1))}
                onMove={(i, d) => void list.move(i, d).then(() => setVersion((v) => v + 1))}
              />
            )}
          </>
        )}
      </section>
      <aside className="auto-side">
        <RuleTester ctx={ctx} rules={rules} version={version} onOpenRule={(id) => go(id)} />
      </aside>
    </div>
  );
}
