import type { TFunction } from '../../i18n/core.js';

// Where a customer came from (the latest referral on the conversation): an ad, an ig.me link
// with a ref, or another source. Meta's field names are accepted in either case style.
// https://developers.facebook.com/docs/instagram-platform/webhooks/examples#referral

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function attributionText(t: TFunction, a: Record<string, unknown> | null): string | null {
  if (!a) return null;
  const source = str(a.source);
  const ref = str(a.ref);
  const ads = (a.ads_context_data ?? a.adsContextData) as Record<string, unknown> | undefined;
  const title = str(ads?.ad_title) ?? str(ads?.adTitle);
  const adId = str(a.ad_id) ?? str(a.adId);
  if (source === 'ADS' || adId)
    return title ? t('inbox.attribution.adTitled', { title }) : t('inbox.attribution.ad');
  if (source?.includes('ig.me') || source === 'SHORTLINK')
    return ref ? t('inbox.attribution.linkRef', { ref }) : t('inbox.attribution.link');
  if (ref) return t('inbox.attribution.ref', { ref });
  return source;
}
