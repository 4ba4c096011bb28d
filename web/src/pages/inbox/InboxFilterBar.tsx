import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/context.js';
import { type InboxFilters, statusFilters } from './filters.js';

interface Props {
  value: InboxFilters;
  /** [id, label] of each account; the account filter shows only with more than one */
  accounts: [string, string][];
  onChange(next: InboxFilters): void;
}

const searchDelayMs = 300;

export function InboxFilterBar({ value, accounts, onChange }: Props) {
  const t = useT();
  const [q, setQ] = useState(value.q);
  // The latest filters, so a re-render (a live update) does not restart the typing delay.
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  // The address may change under us (back button): follow it.
  useEffect(() => setQ(value.q), [value.q]);
  useEffect(() => {
    const { value: current, onChange: change } = latest.current;
    if (q.trim() === current.q.trim()) return;
    const timer = setTimeout(() => change({ ...latest.current.value, q }), searchDelayMs);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <div className="inbox-filters" data-testid="inbox-filters">
      <input
        type="search"
        className="inbox-search"
        value={q}
        maxLength={100}
        placeholder={t('inbox.filter.search')}
        aria-label={t('inbox.filter.search')}
        onChange={(e) => setQ(e.target.value)}
        data-testid="inbox-search"
      />
      <div className="inbox-filter-row">
        <select
          value={value.status}
          aria-label={t('inbox.filter.status')}
          onChange={(e) => onChange({ ...value, status: e.target.value as InboxFilters['status'] })}
          data-testid="inbox-filter-status"
        >
          {statusFilters.map((s) => (
            <option key={s} value={s}>
              {t(`inbox.filter.status.${s}`)}
            </option>
          ))}
        </select>
        {accounts.length > 1 && (
          <select
            value={value.account}
            aria-label={t('inbox.filter.account')}
            onChange={(e) => onChange({ ...value, account: e.target.value })}
            data-testid="inbox-filter-account"
          >
            <option value="">{t('inbox.filter.allAccounts')}</option>
            {accounts.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        )}
        <label className="toggle">
          <input
            type="checkbox"
            checked={value.unread}
            onChange={(e) => onChange({ ...value, unread: e.target.checked })}
            data-testid="inbox-filter-unread"
          />
          <span>{t('inbox.filter.unread')}</span>
        </label>
      </div>
    </div>
  );
}
