// Shapes of /api/v1/auto-posts and /api/v1/auto-post-series (src/auto-posts/*.schema.ts; kept in
// step by test/web/publishing-contract.test.ts).

export const mediaTypes = ['image', 'carousel', 'reel', 'story'] as const;
export type MediaType = (typeof mediaTypes)[number];
export const seriesMediaTypes = ['image', 'carousel', 'story'] as const;
export type SeriesMediaType = (typeof seriesMediaTypes)[number];

export const autoPostStatuses = [
  'pending',
  'publishing',
  'held',
  'published',
  'failed',
  'cancelled',
  'skipped',
] as const;
export type AutoPostStatus = (typeof autoPostStatuses)[number];

export interface MediaItem {
  type: 'image' | 'video';
  url: string;
}

export interface AutoPostView {
  id: string;
  accountId: string;
  productId: string | null;
  seriesId: string | null;
  captionTemplate: string | null;
  captionTemplateId: string | null;
  caption: string | null;
  locale: string;
  mediaType: MediaType;
  media: { type: string; url: string }[] | null;
  coverUrl: string | null;
  shareToFeed: boolean;
  firstComment: string | null;
  firstCommentId: string | null;
  scheduledAt: string;
  status: AutoPostStatus;
  igMediaId: string | null;
  permalink: string | null;
  publishedAt: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  steps: {
    childContainerIds: string[];
    containerId: string | null;
    containerStatus: string | null;
    polls: number;
    attempts: number;
    publishAttemptedAt: string | null;
    nextRunAt: string | null;
  };
  createdAt: string;
  updatedAt: string;
}

/** the fields a user sets; POST also takes accountId, PATCH `status: "cancelled"` */
export interface AutoPostFields {
  productId?: string | null | undefined;
  mediaType?: MediaType | undefined;
  media?: MediaItem[] | null | undefined;
  coverUrl?: string | null | undefined;
  shareToFeed?: boolean | undefined;
  captionTemplate?: string | null | undefined;
  captionTemplateId?: string | null | undefined;
  caption?: string | null | undefined;
  locale?: string | undefined;
  firstComment?: string | null | undefined;
  /** ISO time to the second; absent: now */
  scheduledAt?: string | undefined;
}

export interface CreateAutoPostBody extends AutoPostFields {
  accountId: string;
}

export interface SeriesView {
  id: string;
  accountId: string;
  name: string;
  productIds: string[];
  position: number;
  mediaType: SeriesMediaType;
  captionTemplate: string | null;
  captionTemplateId: string | null;
  locale: string;
  firstComment: string | null;
  /** HH:MM local to `timezone` */
  timeOfDay: string;
  /** 0 = Sunday … 6 = Saturday */
  days: number[];
  timezone: string;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface CreateSeriesBody {
  accountId: string;
  name: string;
  productIds: string[];
  mediaType?: SeriesMediaType | undefined;
  captionTemplate?: string | null | undefined;
  captionTemplateId?: string | null | undefined;
  locale?: string | undefined;
  firstComment?: string | null | undefined;
  timeOfDay: string;
  days?: number[] | undefined;
  timezone?: string | undefined;
  isActive?: boolean | undefined;
}
