import { useT } from '../../i18n/context.js';
import { prettyBody } from '../../lib/format.js';
import type { DeliveryDetail } from '../../lib/types.js';

/** The request exactly as stored: headers and the body (pretty-printed when it is JSON). */
export function DeliveryRaw({ d }: { d: DeliveryDetail }) {
  const t = useT();
  const headers = Object.entries(d.headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <section className="card" data-testid="delivery-headers">
        <h2>{t('detail.headers')}</h2>
        <dl className="kv kv-mono">
          {headers.map(([name, value]) => (
            <div key={name} className="kv-row">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" data-testid="delivery-body">
        <h2>{t('detail.body')}</h2>
        {d.body === null ? (
          <p className="muted">{t('detail.bodyHidden')}</p>
        ) : d.body === '' ? (
          <p className="muted">{t('detail.bodyEmpty')}</p>
        ) : (
          <pre className="code" data-testid="delivery-body-text">
            {prettyBody(d.body)}
          </pre>
        )}
      </section>
    </>
  );
}
