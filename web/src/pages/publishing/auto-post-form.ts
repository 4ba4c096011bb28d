import { literalTemplate } from './caption-meter.js';
import type {
  AutoPostFields,
  AutoPostView,
  CreateAutoPostBody,
  CreateSeriesBody,
  MediaItem,
  MediaType,
  SeriesMediaType,
} from './schedule-types.js';
import type { TemplateView } from './types.js';
import { fromLocalInput, toLocalInput } from './zoned-time.js';

// The auto-post editor's state and the API bodies it becomes. The server checks a post as a whole
// (media fit the type and are reachable, the caption renders within Instagram's limits); the form
// only turns what was typed into that request, and says what it cannot even send.

export const carouselRange = { min: 2, max: 10 } as const;

/** a saved template, a template written here, or a caption as it is */
export type CaptionMode = 'saved' | 'template' | 'text';
export type When = 'now' | 'at' | 'repeat';

export interface AutoPostDraft {
  accountId: string;
  productId: string;
  mediaType: MediaType;
  captionMode: CaptionMode;
  templateId: string;
  /** the template body or the plain caption, by captionMode */
  text: string;
  /** formats {product_price} of a template written here */
  locale: string;
  /** image, carousel and story can take the product's own images */
  useProductImages: boolean;
  media: MediaItem[];
  coverUrl: string;
  shareToFeed: boolean;
  firstComment: string;
  when: When;
  /** datetime-local value in timeZone */
  at: string;
  timeZone: string;
  seriesName: string;
  /** the rotation, in order */
  seriesProductIds: string[];
  /** HH:MM */
  timeOfDay: string;
  /** 0 = Sunday … 6 = Saturday */
  days: number[];
}

export function newDraft(now: number, timeZone: string, accountId = ''): AutoPostDraft {
  const nextHour = Math.ceil((now + 60_000) / 3_600_000) * 3_600_000;
  return {
    accountId,
    productId: '',
    mediaType: 'image',
    captionMode: 'saved',
    templateId: '',
    text: '',
    locale: 'uk-UA',
    useProductImages: true,
    media: [],
    coverUrl: '',
    shareToFeed: true,
    firstComment: '',
    when: 'at',
    at: toLocalInput(nextHour, timeZone),
    timeZone,
    seriesName: '',
    seriesProductIds: [],
    timeOfDay: '10:00',
    days: [0, 1, 2, 3, 4, 5, 6],
  };
}

/** a pending post, to change it */
export function draftOfPost(p: AutoPostView, timeZone: string): AutoPostDraft {
  const base = newDraft(Date.parse(p.scheduledAt), timeZone, p.accountId);
  const captionMode: CaptionMode = p.captionTemplateId
    ? 'saved'
    : p.captionTemplate !== null
      ? 'template'
      : 'text';
  return {
    ...base,
    productId: p.productId ?? '',
    mediaType: p.mediaType,
    captionMode,
    templateId: p.captionTemplateId ?? '',
    text: captionMode === 'template' ? (p.captionTemplate ?? '') : (p.caption ?? ''),
    locale: p.locale,
    useProductImages: p.media === null && p.mediaType !== 'reel',
    media: (p.media ?? []).map((m) => ({ type: m.type === 'video' ? 'video' : 'image', url: m.url })),
    coverUrl: p.coverUrl ?? '',
    shareToFeed: p.shareToFeed,
    firstComment: p.firstComment ?? '',
    at: toLocalInput(Date.parse(p.scheduledAt), timeZone),
  };
}

const VIDEO = /\.(mp4|mov|m4v|webm)(?:[?#]|$)/i;

/** what a pasted URL most likely is, by its file name */
export function guessMediaType(url: string): MediaItem['type'] {
  return VIDEO.test(url.trim()) ? 'video' : 'image';
}

/** the media list the type uses; null: the product's images */
export function draftMedia(d: AutoPostDraft): MediaItem[] | null {
  if (d.mediaType !== 'reel' && d.useProductImages) return null;
  return d.media.map((m) => ({ ...m, url: m.url.trim() })).filter((m) => m.url !== '');
}

/** the template body the live preview renders (a plain caption as a template of itself), or null */
export function previewBody(d: AutoPostDraft, templates: readonly TemplateView[]): string | null {
  if (d.mediaType === 'story') return null;
  if (d.captionMode === 'saved') return templates.find((t) => t.id === d.templateId)?.body ?? null;
  if (d.captionMode === 'template') return d.text;
  return literalTemplate(d.text);
}

function captionFields(
  d: AutoPostDraft,
): Pick<AutoPostFields, 'captionTemplate' | 'captionTemplateId' | 'caption' | 'locale'> {
  if (d.mediaType === 'story') return { captionTemplate: null, captionTemplateId: null, caption: null };
  switch (d.captionMode) {
    case 'saved':
      return { captionTemplateId: d.templateId || null, captionTemplate: null, caption: null };
    case 'template':
      return { captionTemplate: d.text, captionTemplateId: null, caption: null, locale: d.locale };
    case 'text':
      return { caption: d.text.trim() || null, captionTemplate: null, captionTemplateId: null };
  }
}

export type DraftProblem = 'at_invalid' | 'series_products' | 'series_days' | 'series_type';

/** the fields of one post (create or change); scheduledAt absent means now */
export function postFields(d: AutoPostDraft): AutoPostFields | { problem: DraftProblem } {
  const fields: AutoPostFields = {
    productId: d.productId || null,
    mediaType: d.mediaType,
    media: draftMedia(d),
    coverUrl: d.mediaType === 'reel' ? d.coverUrl.trim() || null : null,
    shareToFeed: d.shareToFeed,
    firstComment: d.mediaType === 'story' ? null : d.firstComment.trim() || null,
    ...captionFields(d),
  };
  if (d.when === 'now') return fields;
  const at = fromLocalInput(d.at, d.timeZone);
  if (at === null) return { problem: 'at_invalid' };
  return { ...fields, scheduledAt: new Date(at).toISOString() };
}

export function createBody(d: AutoPostDraft): CreateAutoPostBody | { problem: DraftProblem } {
  const fields = postFields(d);
  return 'problem' in fields ? fields : { accountId: d.accountId, ...fields };
}

const seriesTypes: readonly string[] = ['image', 'carousel', 'story'] satisfies SeriesMediaType[];

/** a rotation: one product after another at timeOfDay on the chosen days */
export function seriesBody(d: AutoPostDraft): CreateSeriesBody | { problem: DraftProblem } {
  if (!seriesTypes.includes(d.mediaType)) return { problem: 'series_type' };
  if (d.seriesProductIds.length === 0) return { problem: 'series_products' };
  if (d.days.length === 0) return { problem: 'series_days' };
  const caption = captionFields(d);
  return {
    accountId: d.accountId,
    name: d.seriesName.trim(),
    productIds: d.seriesProductIds,
    mediaType: d.mediaType as SeriesMediaType,
    // a series renders per product; a plain caption is a template with no variables
    captionTemplate:
      caption.caption != null ? literalTemplate(caption.caption) : (caption.captionTemplate ?? null),
    captionTemplateId: caption.captionTemplateId ?? null,
    ...(caption.locale ? { locale: caption.locale } : {}),
    firstComment: d.mediaType === 'story' ? null : d.firstComment.trim() || null,
    timeOfDay: d.timeOfDay,
    days: [...d.days].sort((a, b) => a - b),
    timezone: d.timeZone,
  };
}

export type MediaHint = 'carousel_count' | 'reel_needs_video' | 'one_item' | null;

/** what the server will refuse about the media, said while typing */
export function mediaHint(d: AutoPostDraft): MediaHint {
  const media = draftMedia(d);
  if (media === null) return null;
  if (d.mediaType === 'carousel')
    return media.length < carouselRange.min || media.length > carouselRange.max ? 'carousel_count' : null;
  if (d.mediaType === 'reel')
    return media.length !== 1 || media[0]?.type !== 'video' ? 'reel_needs_video' : null;
  return media.length > 1 ? 'one_item' : null;
}

/**
 * What will be published, for the media preview: the explicit list, or else the product's images
 * the way the server picks them (the first one; up to ten for a carousel).
 */
export function mediaToPublish(
  type: MediaType,
  media: MediaItem[] | null,
  productImages: readonly string[],
): MediaItem[] {
  if (media !== null) return media;
  const images = productImages.map((url): MediaItem => ({ type: 'image', url }));
  return type === 'carousel' ? images.slice(0, carouselRange.max) : images.slice(0, 1);
}
