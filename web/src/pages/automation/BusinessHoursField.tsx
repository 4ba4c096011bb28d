import { useT } from '../../i18n/context.js';
import type { Problems } from './field-errors.js';
import { HoursField } from './HoursField.js';
import { addBusinessHours } from './settings-form.js';
import type { ActiveHours } from './types.js';

interface Props {
  value: ActiveHours[];
  timezone: string;
  problems: Problems;
  disabled: boolean;
  onChange(next: ActiveHours[]): void;
}

const maxWindows = 14;

/** When the shop answers itself; outside all of these windows the away message goes out. */
export function BusinessHoursField({ value, timezone, problems, disabled, onChange }: Props) {
  const t = useT();
  return (
    <fieldset className="auto-fieldset" data-testid="business-hours">
      <legend>{t('automation.settings.businessHours')}</legend>
      {value.length === 0 && <p className="muted small">{t('automation.settings.noBusinessHours')}</p>}
      {value.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: windows have no identity but their place
        <div key={i} className="auto-window">
          <HoursField
            value={h}
            field={`away.businessHours.${i}`}
            problems={problems}
            disabled={disabled}
            onChange={(next) => onChange(value.map((x, j) => (j === i ? next : x)))}
          />
          <button
            type="button"
            className="btn btn-ghost btn-small"
            disabled={disabled}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t('automation.settings.removeWindow')}
          </button>
        </div>
      ))}
      {value.length < maxWindows && (
        <button
          type="button"
          className="btn btn-small"
          disabled={disabled}
          onClick={() => onChange(addBusinessHours(value, timezone))}
          data-testid="business-hours-add"
        >
          {t('automation.settings.addWindow')}
        </button>
      )}
    </fieldset>
  );
}
