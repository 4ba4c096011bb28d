import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import * as autoPosts from '../../src/auto-posts/auto-post.schema.js';
import { CAROUSEL_MAX, CAROUSEL_MIN } from '../../src/auto-posts/auto-post-media.js';
import type * as series from '../../src/auto-posts/auto-post-series.schema.js';
import type * as comments from '../../src/comments/comment.schema.js';
import type * as posts from '../../src/posts/post.schema.js';
import * as limits from '../../src/products/caption-limits.js';
import { BUILT_IN_VARIABLES } from '../../src/products/caption-template.js';
import type * as templates from '../../src/products/caption-template.schema.js';
import type * as products from '../../src/products/product.schema.js';
import type { ImportReport as ServerImportReport } from '../../src/products/product-import.js';
import { carouselRange } from '../../web/src/pages/publishing/auto-post-form.js';
import { captionLimits } from '../../web/src/pages/publishing/caption-meter.js';
import type {
  AutoPostView,
  CreateAutoPostBody,
  CreateSeriesBody,
  SeriesView,
} from '../../web/src/pages/publishing/schedule-types.js';
import { autoPostStatuses, mediaTypes } from '../../web/src/pages/publishing/schedule-types.js';
import { builtInVariables } from '../../web/src/pages/publishing/template-vars.js';
import type {
  CaptionPreview,
  CommentThread,
  CommentView,
  ImportReport,
  PostView,
  ProductBody,
  ProductView,
  SyncJob,
  SyncState,
  TemplateView,
} from '../../web/src/pages/publishing/types.js';

// The dashboard's copies of the publishing shapes must stay the server's zod schemas: the type
// assertions fail `tsc --noEmit` when they drift, the constants fail here.

describe('publishing API contract', () => {
  it('has the same response types as the server schemas', () => {
    expectTypeOf<PostView>().toEqualTypeOf<z.infer<typeof posts.postView>>();
    expectTypeOf<SyncState>().toEqualTypeOf<z.infer<typeof posts.syncStateView>>();
    expectTypeOf<SyncJob>().toEqualTypeOf<z.infer<typeof posts.syncJobView>>();
    expectTypeOf<CommentView>().toEqualTypeOf<z.infer<typeof comments.commentView>>();
    expectTypeOf<CommentThread>().toEqualTypeOf<z.infer<typeof comments.commentThreadView>>();
    expectTypeOf<ProductView>().toEqualTypeOf<z.infer<typeof products.productView>>();
    expectTypeOf<ImportReport>().toEqualTypeOf<ServerImportReport>();
    expectTypeOf<TemplateView>().toEqualTypeOf<z.infer<typeof templates.templateView>>();
    expectTypeOf<CaptionPreview>().toEqualTypeOf<z.infer<typeof templates.previewResult>>();
    expectTypeOf<AutoPostView>().toEqualTypeOf<z.infer<typeof autoPosts.autoPostView>>();
    expectTypeOf<SeriesView>().toEqualTypeOf<z.infer<typeof series.seriesView>>();
  });

  it('sends the request bodies the server accepts', () => {
    expectTypeOf<ProductBody>().toEqualTypeOf<z.input<typeof products.createBody>>();
    expectTypeOf<CreateAutoPostBody>().toEqualTypeOf<z.input<typeof autoPosts.createBody>>();
    expectTypeOf<CreateSeriesBody>().toEqualTypeOf<z.input<typeof series.createSeriesBody>>();
  });

  it('knows the same statuses, media types, variables and limits', () => {
    expect([...autoPostStatuses]).toEqual([...autoPosts.statuses]);
    expect([...mediaTypes]).toEqual([...autoPosts.mediaTypes]);
    expect([...builtInVariables]).toEqual([...BUILT_IN_VARIABLES]);
    expect(captionLimits).toEqual({
      length: limits.CAPTION_MAX_LENGTH,
      hashtags: limits.CAPTION_MAX_HASHTAGS,
      mentions: limits.CAPTION_MAX_MENTIONS,
    });
    expect(carouselRange).toEqual({ min: CAROUSEL_MIN, max: CAROUSEL_MAX });
  });
});
