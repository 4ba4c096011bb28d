import { useI18n } from '../../i18n/context.js';

// The locales a shop in this region formats prices for; another stored one is offered as well.
const common = ['uk-UA', 'ru-RU', 'en-US', 'en-GB', 'pl-PL', 'de-DE'];

/** how {product_price} is written: "1 299,00" (uk-UA) or "1,299.00" (en-US) */
export function LocaleSelect({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange(v: string): void;
  testId: string;
}) {
  const { t, locale } = useI18n();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const options = common.includes(value) ? common : [value, ...common];
  const sample = (l: string) => new Intl.NumberFormat(l, { minimumFractionDigits: 2 }).format(1299);
  return (
    <label className="field">
      <span>{t('pub.template.locale')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {options.map((l) => (
          <option key={l} value={l}>
            {`${names.of(l) ?? l} — ${sample(l)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
