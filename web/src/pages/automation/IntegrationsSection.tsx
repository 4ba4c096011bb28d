import { useT } from '../../i18n/context.js';
import { ApiKeysCard } from './ApiKeysCard.js';
import type { AutomationContext } from './use-automation-context.js';
import { WebhooksCard } from './WebhooksCard.js';

/** Bots & integrations: signed outbound webhooks to other systems, and API keys for them to answer. */
export function IntegrationsSection({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  return (
    <div className="stack" data-testid="integrations-section">
      <p className="muted">{t('automation.integrations.intro')}</p>
      <WebhooksCard ctx={ctx} />
      <ApiKeysCard ctx={ctx} />
    </div>
  );
}
