import { useMemo } from 'react';
import { useI18n } from '../../i18n/context.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';
import { timezones, toggleDay, weekdayName, weekOrder } from './schedule.js';
import type { ActiveHours } from './types.js';

interface Props {
  value: ActiveHours;
  /** where the server reports problems, e.g. `activeHours` or `away.businessHours.0` */
  field: string;
  problems: Problems;
  disabled: boolean;
  onChange(next: ActiveHours): void;
}

/** A weekly window: days, from–to (crossing midnight when "to" is earlier), in a time zone. */
export function HoursField({ value, field, problems, disabled, onChange }: Props) {
  const { t, locale } = useI18n();
  const zones = useMemo(() => timezones(value.timezone), [value.timezone]);
  return (
    <div className="auto-hours" data-testid="hours">
      <fieldset className="auto-days">
        <legend className="visually-hidden">{t('automation.hours.days')}</legend>
        {weekOrder.map((d) => (
          <label key={d} className="auto-day">
            <input
              type="checkbox"
              checked={value.days.includes(d)}
              disabled={disabled}
              onChange={() => onChange({ ...value, days: toggleDay(value.days, d) })}
            />
            <span title={weekdayName(locale, d, 'long')}>{weekdayName(locale, d)}</span>
          </label>
        ))}
      </fieldset>
      <div className="auto-row">
        <label className="field field-inline">
          <span>{t('automation.hours.from')}</span>
          <input
            type="time"
            value={value.from}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, from: e.target.value })}
            data-testid="hours-from"
          />
        </label>
        <label className="field field-inline">
          <span>{t('automation.hours.to')}</span>
          <input
            type="time"
            value={value.to}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, to: e.target.value })}
            data-testid="hours-to"
          />
        </label>
        <label className="field field-inline auto-grow">
          <span>{t('automation.hours.timezone')}</span>
          <select
            value={value.timezone}
            disabled={disabled}
            onChange={(e) => onChange({ ...value, timezone: e.target.value })}
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldNote problems={problems} field={field} hint={t('automation.hours.hint')} />
    </div>
  );
}
