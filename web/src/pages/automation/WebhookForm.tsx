import { type FormEvent, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useT } from '../../i18n/context.js';
import { type EventChoice, isSelected, toggleEventType } from './event-types.js';
import { FieldNote } from './FieldNote.js';
import { fieldProblems } from './field-errors.js';
import { outboundEventTypes } from './types.js';

interface Props {
  initial: { url: string; eventTypes: string[] };
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit(body: { url: string; eventTypes: string[] }): void;
  onCancel(): void;
}

const choices: EventChoice[] = ['*', ...outboundEventTypes];

/** Where to send events, and which ones. */
export function WebhookForm({ initial, busy, error, submitLabel, onSubmit, onCancel }: Props) {
  const t = useT();
  const [url, setUrl] = useState(initial.url);
  const [types, setTypes] = useState<string[]>(initial.eventTypes);
  const [tried, setTried] = useState(false);
  const local = [
    ...(url.trim() ? [] : [{ path: 'url', key: 'automation.form.required' as const }]),
    ...(types.length > 0 ? [] : [{ path: 'eventTypes', key: 'automation.webhooks.chooseEvents' as const }]),
  ];
  const problems = { local: tried ? local : [], server: fieldProblems(error) };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.length === 0) onSubmit({ url: url.trim(), eventTypes: types });
  };
  return (
    <form className="auto-webhook-form" onSubmit={submit} noValidate data-testid="webhook-form">
      <label className="field">
        <span>{t('automation.webhooks.url')}</span>
        <input
          type="url"
          className="mono"
          value={url}
          placeholder="https://bot.example.com/relaydesk"
          onChange={(e) => setUrl(e.target.value)}
          data-testid="webhook-url"
        />
        <FieldNote problems={problems} field="url" hint={t('automation.webhooks.urlHint')} />
      </label>
      <fieldset className="auto-fieldset">
        <legend>{t('automation.webhooks.events')}</legend>
        <div className="auto-event-grid">
          {choices.map((c) => (
            <label key={c} className="toggle">
              <input
                type="checkbox"
                checked={isSelected(types, c)}
                disabled={c !== '*' && types.includes('*')}
                onChange={() => setTypes((s) => toggleEventType(s, c))}
                data-testid={`event-${c}`}
              />
              <span>{c === '*' ? t('automation.webhooks.allEvents') : <code>{c}</code>}</span>
            </label>
          ))}
        </div>
        <FieldNote problems={problems} field="eventTypes" />
      </fieldset>
      <ErrorMessage error={error} testId="webhook-save-error" />
      <div className="auto-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="webhook-save">
          {busy ? t('automation.saving') : submitLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('automation.cancel')}
        </button>
      </div>
    </form>
  );
}
