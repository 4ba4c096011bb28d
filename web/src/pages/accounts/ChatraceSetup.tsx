import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/context.js';
import { CopyButton } from './CopyButton.js';
import { templateText, urlHasToken } from './chatrace.js';
import { accountLabel } from './status.js';
import type { ChatraceConnection } from './types.js';

interface Props {
  connection: ChatraceConnection;
  onDone(): void;
}

/**
 * What to paste into Chatrace right after connecting. The server keeps only a hash of the webhook
 * token, so this is the one and only time it can be shown.
 */
export function ChatraceSetup({ connection: c, onDone }: Props) {
  const t = useT();
  const body = templateText(c.bodyTemplate);
  const ref = useRef<HTMLElement>(null);
  // It replaces the form further down the page: bring it into view so the token is not missed.
  // (A block body: newer browsers return a promise from scrollIntoView, which must not become the cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <section ref={ref} className="card chatrace-setup" data-testid="chatrace-setup" aria-live="polite">
      <h2>{t('chatrace.setup.title')}</h2>
      <p className="text-ok">{t('connect.done', { name: accountLabel(c) })}</p>
      <div className="alert alert-warn" role="note" data-testid="chatrace-token-once">
        {t('chatrace.setup.once')}
      </div>
      <ol className="steps">
        <li>{t('chatrace.setup.step1')}</li>
        <li>{t('chatrace.setup.step2')}</li>
        <li>{t(urlHasToken(c.webhookUrl) ? 'chatrace.setup.step3InUrl' : 'chatrace.setup.step3')}</li>
        <li>{t('chatrace.setup.step4')}</li>
        <li>{t('chatrace.setup.step5')}</li>
      </ol>
      <dl className="secret-list">
        <dt>{t('chatrace.setup.url')}</dt>
        <dd>
          <code className="secret" data-testid="chatrace-webhook-url">
            {c.webhookUrl}
          </code>
          <CopyButton text={c.webhookUrl} testId="copy-webhook-url" />
        </dd>
        <dt>{t('chatrace.setup.token')}</dt>
        <dd>
          <code className="secret" data-testid="chatrace-webhook-token">
            {c.webhookToken}
          </code>
          <CopyButton text={c.webhookToken} testId="copy-webhook-token" />
        </dd>
        <dt>{t('chatrace.setup.body')}</dt>
        <dd className="secret-block">
          <pre className="code" data-testid="chatrace-body-template">
            {body}
          </pre>
          <CopyButton text={body} testId="copy-body-template" />
        </dd>
      </dl>
      <button type="button" className="btn btn-primary" onClick={onDone} data-testid="chatrace-setup-done">
        {t('chatrace.setup.done')}
      </button>
    </section>
  );
}
