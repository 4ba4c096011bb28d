import { useT } from '../../i18n/context.js';
import { Link } from '../../lib/router.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { ActivitySection } from './ActivitySection.js';
import { CommentRulesSection } from './CommentRulesSection.js';
import { IntegrationsSection } from './IntegrationsSection.js';
import { RulesSection } from './RulesSection.js';
import { SettingsSection } from './SettingsSection.js';
import { sectionOf, sectionPath, sections } from './sections.js';
import { useAutomationContext } from './use-automation-context.js';
import './automation.css';

/** /automation and /automation/:section: what the bot says by itself, what it did, who else listens. */
export function AutomationPage({ section: param }: { section?: string }) {
  const t = useT();
  const ctx = useAutomationContext();
  const section = sectionOf(param);
  if (!section) return <NotFoundPage />;
  return (
    <div className="automation" data-testid="automation-page" data-section={section}>
      <div className="page-header">
        <div>
          <h1>{t('automation.title')}</h1>
          <p className="muted">{t('automation.subtitle')}</p>
        </div>
      </div>
      <nav className="auto-tabs" aria-label={t('automation.tabs')}>
        {sections.map((s) => (
          <Link
            key={s}
            to={sectionPath(s)}
            className={`auto-tab${s === section ? ' auto-tab-active' : ''}`}
            aria-current={s === section ? 'page' : undefined}
            data-testid={`automation-tab-${s}`}
          >
            {t(`automation.tab.${s}`)}
          </Link>
        ))}
      </nav>
      {!ctx.isOwner && ctx.loaded && (
        <p className="alert alert-info small" data-testid="automation-read-only">
          {t('automation.readOnly')}
        </p>
      )}
      {section === 'rules' && <RulesSection ctx={ctx} />}
      {section === 'comments' && <CommentRulesSection ctx={ctx} />}
      {section === 'settings' && <SettingsSection ctx={ctx} />}
      {section === 'activity' && <ActivitySection ctx={ctx} />}
      {section === 'integrations' && <IntegrationsSection ctx={ctx} />}
    </div>
  );
}
