import { useT } from '../../i18n/context.js';
import { type Duration, durationUnits } from './duration.js';
import { FieldNote } from './FieldNote.js';
import type { Problems } from './field-errors.js';

interface Props {
  label: string;
  hint?: string;
  value: Duration;
  field: string;
  problems: Problems;
  disabled: boolean;
  testId: string;
  onChange(next: Duration): void;
}

/** A whole number of minutes, hours or days. */
export function DurationField({ label, hint, value, field, problems, disabled, testId, onChange }: Props) {
  const t = useT();
  return (
    <div className="field">
      <span>{label}</span>
      <span className="auto-duration">
        <input
          inputMode="numeric"
          value={value.value}
          disabled={disabled}
          aria-label={label}
          onChange={(e) => onChange({ ...value, value: e.target.value })}
          data-testid={testId}
        />
        <select
          value={value.unit}
          disabled={disabled}
          aria-label={t('automation.duration.unit')}
          onChange={(e) => onChange({ ...value, unit: e.target.value as Duration['unit'] })}
          data-testid={`${testId}-unit`}
        >
          {durationUnits.map((u) => (
            <option key={u} value={u}>
              {t(`automation.duration.${u}`)}
            </option>
          ))}
        </select>
      </span>
      <FieldNote problems={problems} field={field} hint={hint} />
    </div>
  );
}
