import { useI18n } from '../../i18n/context.js';
import type { Account } from '../accounts/types.js';
import { Choice } from './Choice.js';
import { isDay } from './days.js';
import { type Granularity, granularities } from './types.js';
import { type Preset, presets, type StatsUrlState } from './url-state.js';

interface Props {
  state: StatsUrlState;
  accounts: readonly Account[];
  accountId: string;
  from: string;
  to: string;
  today: string;
  onChange(patch: Partial<StatsUrlState>): void;
}

/** which account, which days and how they are grouped; all of it lives in the URL */
export function StatsToolbar({ state, accounts, accountId, from, to, today, onChange }: Props) {
  const { t } = useI18n();
  const preset = 'preset' in state.range ? String(state.range.preset) : null;
  // a typed date counts once it is a whole, real date and the range still runs forwards
  const setDates = (nextFrom: string, nextTo: string) => {
    if (isDay(nextFrom) && isDay(nextTo) && nextFrom <= nextTo)
      onChange({ range: { from: nextFrom, to: nextTo } });
  };
  return (
    <div className="filters stats-toolbar" data-testid="stats-toolbar">
      {accounts.length > 1 && (
        <label className="field field-inline">
          <span>{t('stats.account')}</span>
          <select
            value={accountId}
            onChange={(e) => onChange({ accountId: e.target.value })}
            data-testid="stats-account"
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.username ? `@${a.username}` : (a.name ?? a.id)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="field field-inline">
        <span>{t('stats.range')}</span>
        <Choice
          name="range"
          label={t('stats.range')}
          value={preset}
          options={presets.map((n) => ({ value: String(n), label: t('stats.lastDays', { count: n }) }))}
          onChange={(v) => onChange({ range: { preset: Number(v) as Preset } })}
        />
      </div>
      <label className="field field-inline">
        <span>{t('stats.from')}</span>
        <input
          type="date"
          value={from}
          max={to}
          onChange={(e) => setDates(e.target.value, to)}
          data-testid="stats-from"
        />
      </label>
      <label className="field field-inline">
        <span>{t('stats.to')}</span>
        <input
          type="date"
          value={to}
          min={from}
          max={today}
          onChange={(e) => setDates(from, e.target.value)}
          data-testid="stats-to"
        />
      </label>
      <div className="field field-inline">
        <span>{t('stats.granularity')}</span>
        <Choice<Granularity>
          name="granularity"
          label={t('stats.granularity')}
          value={state.granularity}
          options={granularities.map((g) => ({ value: g, label: t(`stats.by.${g}`) }))}
          onChange={(granularity) => onChange({ granularity })}
        />
      </div>
    </div>
  );
}
