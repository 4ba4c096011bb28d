import { useT } from '../../i18n/context.js';
import { deliverySources, deliveryStatuses } from '../../lib/types.js';
import { type DeliveryFilters, emptyFilters, filtersFromSearch, filtersToSearch } from './filters.js';

interface Props {
  value: DeliveryFilters;
  onChange(next: DeliveryFilters): void;
}

export function DeliveryFilterBar({ value, onChange }: Props) {
  const t = useT();
  // Round-trip through the query-string parser so only valid values get through.
  const set = (key: keyof DeliveryFilters, v: string) =>
    onChange(filtersFromSearch(filtersToSearch({ ...value, [key]: v } as DeliveryFilters)));
  const dirty = filtersToSearch(value) !== '';
  return (
    <div className="filters" data-testid="delivery-filters">
      <label className="field field-inline">
        <span>{t('filter.status')}</span>
        <select
          value={value.status}
          onChange={(e) => set('status', e.target.value)}
          data-testid="filter-status"
        >
          <option value="">{t('common.any')}</option>
          {deliveryStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('filter.source')}</span>
        <select
          value={value.source}
          onChange={(e) => set('source', e.target.value)}
          data-testid="filter-source"
        >
          <option value="">{t('common.any')}</option>
          {deliverySources.map((s) => (
            <option key={s} value={s}>
              {t(`source.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('filter.signature')}</span>
        <select
          value={value.signatureValid}
          onChange={(e) => set('signatureValid', e.target.value)}
          data-testid="filter-signature"
        >
          <option value="">{t('common.any')}</option>
          <option value="true">{t('signature.valid')}</option>
          <option value="false">{t('signature.invalid')}</option>
        </select>
      </label>
      <label className="field field-inline">
        <span>{t('filter.from')}</span>
        <input
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => set('from', e.target.value)}
        />
      </label>
      <label className="field field-inline">
        <span>{t('filter.to')}</span>
        <input
          type="date"
          value={value.to}
          min={value.from || undefined}
          onChange={(e) => set('to', e.target.value)}
        />
      </label>
      {dirty && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => onChange(emptyFilters)}>
          {t('filter.reset')}
        </button>
      )}
    </div>
  );
}
