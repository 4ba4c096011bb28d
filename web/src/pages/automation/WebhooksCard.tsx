import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { loadAll } from '../../lib/load-all.js';
import { useRouter } from '../../lib/router.js';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import { useAction } from '../accounts/use-action.js';
import { DeliveryLog } from './DeliveryLog.js';
import { SecretOnce } from './SecretOnce.js';
import { queryParam, withParam } from './sections.js';
import type { CreatedOutboundWebhook, OutboundWebhook } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { WebhookForm } from './WebhookForm.js';
import { WebhookRow } from './WebhookRow.js';

/** Outbound webhook subscriptions; ?webhook=<id> opens one's delivery log. */
export function WebhooksCard({ ctx }: { ctx: AutomationContext }) {
  const t = useT();
  const api = useApi();
  const { search, navigate } = useRouter();
  const hooks = useQuery((a) => loadAll<OutboundWebhook>(a, '/outbound-webhooks'), []);
  const create = useAction<CreatedOutboundWebhook>();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<CreatedOutboundWebhook | null>(null);
  const open = queryParam(search, 'webhook');
  const openHook = hooks.data?.find((h) => h.id === open);
  const show = (id: string | null) =>
    navigate(`/automation/integrations${withParam(search, 'webhook', id)}`, { replace: true });

  const add = async (body: { url: string; eventTypes: string[] }) => {
    const created = await create.run(() => api.post<CreatedOutboundWebhook>('/outbound-webhooks', body));
    if (!created) return;
    setAdding(false);
    setSecret(created);
    await hooks.reload();
  };

  return (
    <section className="card" data-testid="webhooks-card">
      <div className="auto-section-head">
        <div>
          <h2>{t('automation.webhooks.title')}</h2>
          <p className="muted small">{t('automation.webhooks.text')}</p>
        </div>
        {ctx.isOwner && !adding && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              create.reset();
              setAdding(true);
            }}
            data-testid="webhook-new"
          >
            {t('automation.webhooks.new')}
          </button>
        )}
      </div>
      {secret && (
        <SecretOnce
          title={t('automation.webhooks.secretTitle', { url: secret.url })}
          value={secret.secret}
          testId="webhook-secret"
          onDone={() => setSecret(null)}
        />
      )}
      {adding && (
        <WebhookForm
          initial={{ url: '', eventTypes: ['message.received'] }}
          busy={create.busy}
          error={create.error}
          submitLabel={t('automation.webhooks.create')}
          onSubmit={(b) => void add(b)}
          onCancel={() => setAdding(false)}
        />
      )}
      <ErrorMessage error={hooks.error} onRetry={() => void hooks.reload()} testId="webhooks-error" />
      {hooks.data?.length === 0 && !adding && (
        <p className="muted small" data-testid="webhooks-empty">
          {t('automation.webhooks.empty')}
        </p>
      )}
      {hooks.data && hooks.data.length > 0 && (
        <ul className="auto-hooks" data-testid="webhook-list">
          {hooks.data.map((h) => (
            <WebhookRow
              key={h.id}
              hook={h}
              ctx={ctx}
              open={h.id === open}
              onShow={() => show(h.id === open ? null : h.id)}
              onChanged={() => void hooks.reload()}
              onDeleted={() => {
                if (h.id === open) show(null);
                void hooks.reload();
              }}
            />
          ))}
        </ul>
      )}
      {openHook && <DeliveryLog key={openHook.id} hook={openHook} ctx={ctx} />}
    </section>
  );
}
