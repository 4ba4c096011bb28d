import { useT } from '../../i18n/context.js';
import { currentZoneName } from './zoned-time.js';

const zones = (): string[] => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported('timeZone').map(currentZoneName) : [];
};

/** every IANA zone the browser knows; the chosen one and UTC are always there */
export function TimeZoneSelect({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange(tz: string): void;
  testId: string;
}) {
  const t = useT();
  const options = [...new Set([value, 'UTC', ...zones()])].sort();
  return (
    <label className="field field-inline">
      <span>{t('pub.timeZone')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}
