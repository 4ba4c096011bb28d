import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useRouter } from '../../lib/router.js';
import { CommentRuleEditor } from './CommentRuleEditor.js';
import { CommentRuleList } from './CommentRuleList.js';
import { CommentTester } from './CommentTester.js';
import { queryParam, withParam } from './sections.js';
import type { CommentRule } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { useRuleList } from './use-rule-list.js';

/** Comment rules: the list in run order, the editor with its post picker, and a tester. */
export function CommentRulesSection({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  const { search, navigate } = useRouter();
  const list = useRuleList<CommentRule>('/comment-rules');
  const [version, setVersion] = useState(0);
  const editing = queryParam(search, 'edit');
  const rules = list.rules ?? [];
  const open = editing && editing !== 'new' ? rules.find((r) => r.id === editing) : undefined;
  const go = (id: string | null) => navigate(`/automation/comments${withParam(search, 'edit', id)}`);
  const changed = async () => {
    await list.reload();
    setVersion((v) => v + 1);
    go(null);
  };
  const bump = () => setVersion((v) => v + 1);

  return (
    <div className="auto-split">
      <section className="auto-main" aria-label={t('automation.tab.comments')}>
        {editing && (editing === 'new' || open) && ctx.loaded ? (
          <CommentRuleEditor
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
              <p className="muted">{t('automation.comments.intro')}</p>
              {ctx.isOwner && (
                <button
                  type="button"
                  className="btn btn-primary"
                  onClick={() => go('new')}
                  data-testid="comment-rule-new"
                >
                  {t('automation.comments.new')}
                </button>
              )}
            </div>
            <ErrorMessage
              error={list.loadError}
              onRetry={() => void list.reload()}
              testId="comment-rules-error"
            />
            <ErrorMessage error={list.error} testId="comment-rules-action-error" />
            {!list.rules && !list.loadError && <p className="muted">{t('common.loading')}</p>}
            {list.rules?.length === 0 && (
              <div className="card empty-state" data-testid="comment-rules-empty">
                <p className="muted">{t('automation.comments.empty')}</p>
              </div>
            )}
            {rules.length > 0 && (
              <CommentRuleList
                ctx={ctx}
                rules={rules}
                busyId={list.busyId}
                onEdit={(id) => go(id)}
                onToggle={(r, active) => void list.setActive(r, active).then(bump)}
                onMove={(i, d) => void list.move(i, d).then(bump)}
              />
            )}
          </>
        )}
      </section>
      <aside className="auto-side">
        <CommentTester version={version} />
      </aside>
    </div>
  );
}
