import { useI18n } from '../../i18n/context.js';
import type { AutoPostDraft, When } from './auto-post-form.js';
import { FieldError } from './FieldError.js';
import type { FieldErrors } from './field-errors.js';
import { dayLabel } from './format.js';
import { Segmented } from './Segmented.js';
import { TimeZoneSelect } from './TimeZoneSelect.js';
import type { ProductView } from './types.js';

interface Props {
  draft: AutoPostDraft;
  /** a post being changed stays one post */
  canRepeat: boolean;
  products: ProductView[];
  errors: FieldErrors;
  set<K extends keyof AutoPostDraft>(k: K, v: AutoPostDraft[K]): void;
}

// Monday first, as the shop's week runs; 2026-03-01 is a Sunday (day 0).
const weekOrder = [1, 2, 3, 4, 5, 6, 0];

/** now, at a moment (to the second, in a zone), or every chosen day at a time through a set of products */
export function WhenFields({ draft, canRepeat, products, errors, set }: Props) {
  const { t, locale } = useI18n();
  const whens: When[] = canRepeat ? ['now', 'at', 'repeat'] : ['now', 'at'];
  const toggleProduct = (id: string, on: boolean) =>
    set(
      'seriesProductIds',
      on ? [...draft.seriesProductIds, id] : draft.seriesProductIds.filter((p) => p !== id),
    );
  const toggleDay = (d: number, on: boolean) =>
    set('days', on ? [...draft.days, d] : draft.days.filter((x) => x !== d));
  return (
    <fieldset className="pub-when">
      <legend>{t('pub.compose.when')}</legend>
      <Segmented
        name="when"
        label={t('pub.compose.when')}
        value={draft.when}
        options={whens.map((w) => ({ value: w, label: t(`pub.compose.when.${w}`) }))}
        onChange={(w) => set('when', w)}
      />
      {draft.when !== 'now' && (
        <TimeZoneSelect value={draft.timeZone} onChange={(tz) => set('timeZone', tz)} testId="compose-tz" />
      )}
      {draft.when === 'at' && (
        <label className="field">
          <span>{t('pub.compose.at')}</span>
          <input
            type="datetime-local"
            step={1}
            value={draft.at}
            onChange={(e) => set('at', e.target.value)}
            data-testid="compose-at"
          />
          <FieldError errors={errors} field="scheduledAt" />
        </label>
      )}
      {draft.when === 'repeat' && (
        <div className="pub-series-fields" data-testid="series-fields">
          <label className="field">
            <span>{t('pub.series.name')}</span>
            <input
              value={draft.seriesName}
              maxLength={200}
              onChange={(e) => set('seriesName', e.target.value)}
              data-testid="series-name"
            />
            <FieldError errors={errors} field="name" />
          </label>
          <label className="field">
            <span>{t('pub.series.time')}</span>
            <input
              type="time"
              value={draft.timeOfDay}
              onChange={(e) => set('timeOfDay', e.target.value)}
              data-testid="series-time"
            />
            <FieldError errors={errors} field="timeOfDay" />
          </label>
          <div className="field">
            <span>{t('pub.series.days')}</span>
            <div className="pub-days">
              {weekOrder.map((d) => (
                <label key={d} className="toggle">
                  <input
                    type="checkbox"
                    checked={draft.days.includes(d)}
                    onChange={(e) => toggleDay(d, e.target.checked)}
                  />
                  <span>{dayLabel(locale, `2026-03-0${d + 1}`, { weekday: 'short' })}</span>
                </label>
              ))}
            </div>
          </div>
          <div className="field">
            <span>{t('pub.series.products')}</span>
            <span className="muted small">{t('pub.series.productsHint')}</span>
            <ol className="pub-rotation">
              {draft.seriesProductIds.map((id) => (
                <li key={id}>{products.find((p) => p.id === id)?.name ?? id}</li>
              ))}
            </ol>
            <div className="pub-product-checks">
              {products.map((p) => (
                <label key={p.id} className="toggle">
                  <input
                    type="checkbox"
                    checked={draft.seriesProductIds.includes(p.id)}
                    onChange={(e) => toggleProduct(p.id, e.target.checked)}
                    data-testid="series-product"
                  />
                  <span>
                    {p.name}
                    {!p.inStock && <span className="muted"> · {t('pub.product.outOfStock')}</span>}
                  </span>
                </label>
              ))}
            </div>
            <FieldError errors={errors} field="productIds" />
          </div>
        </div>
      )}
    </fieldset>
  );
}
