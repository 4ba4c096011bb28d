import { useState } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { useApi } from '../../lib/session.js';
import { useAction } from '../accounts/use-action.js';
import type { OutboundWebhook } from './types.js';
import type { AutomationContext } from './use-automation-context.js';
import { WebhookForm } from './WebhookForm.js';

interface Props {
  hook: OutboundWebhook;
  ctx: AutomationContext;
  open: boolean;
  onShow(): void;
  onChanged(): void;
  onDeleted(): void;
}

export function WebhookRow({ hook, ctx, open, onShow, onChanged, onDeleted }: Props) {
  const t = useT();
  const api = useApi();
  const action = useAction<unknown>();
  const [editing, setEditing] = useState(false);
  const path = `/outbound-webhooks/${encodeURIComponent(hook.id)}`;
  const patch = async (body: Partial<Pick<OutboundWebhook, 'url' | 'eventTypes' | 'isActive'>>) => {
    if ((await action.run(() => api.patch(path, body))) !== undefined) {
      setEditing(false);
      onChanged();
    }
  };
  const remove = async () => {
    const done = await action.run(async () => {
      await api.del(path);
      return true;
    });
    if (done) onDeleted();
  };

  return (
    <li
      className={`auto-hook${hook.isActive ? '' : ' auto-off'}`}
      data-testid="webhook-row"
      data-id={hook.id}
      data-active={String(hook.isActive)}
    >
      <div className="auto-hook-head">
        <code className="auto-hook-url" data-testid="webhook-row-url">
          {hook.url}
        </code>
        <span className={`badge badge-${hook.isActive ? 'ok' : 'muted'}`}>
          {t(hook.isActive ? 'automation.webhooks.active' : 'automation.webhooks.disabled')}
        </span>
      </div>
      <ul className="auto-chips">
        {hook.eventTypes.map((e) => (
          <li key={e} className="auto-chip mono">
            {e === '*' ? t('automation.webhooks.allEvents') : e}
          </li>
        ))}
      </ul>
      {editing ? (
        <WebhookForm
          initial={hook}
          busy={action.busy}
          error={action.error}
          submitLabel={t('automation.save')}
          onSubmit={(b) => void patch(b)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="auto-actions">
          <button
            type="button"
            className="btn btn-small"
            aria-expanded={open}
            onClick={onShow}
            data-testid="webhook-deliveries"
          >
            {t(open ? 'automation.webhooks.hideDeliveries' : 'automation.webhooks.deliveries')}
          </button>
          {ctx.isOwner && (
            <>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setEditing(true)}
                data-testid="webhook-edit"
              >
                {t('automation.edit')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={action.busy}
                onClick={() => void patch({ isActive: !hook.isActive })}
                data-testid="webhook-toggle"
              >
                {t(hook.isActive ? 'automation.webhooks.disable' : 'automation.webhooks.enable')}
              </button>
              <ConfirmButton
                label={t('automation.delete')}
                confirmLabel={t('automation.deleteConfirm')}
                onConfirm={remove}
                busy={action.busy}
                small
                testId="webhook-delete"
              />
            </>
          )}
        </div>
      )}
      {!editing && <ErrorMessage error={action.error} testId="webhook-action-error" />}
    </li>
  );
}
