import type { AccountRepository } from '../accounts/account.repository.js';
import type { AutoPostMediaType, AutoPostTable } from '../db/schema.js';
import { type AppError, errors } from '../errors.js';
import type { CaptionTemplateRepository } from '../products/caption-template.repository.js';
import type { ProductRepository } from '../products/product.repository.js';
import type { AutoPostRow } from './auto-post.repository.js';
import type { PatchAutoPost } from './auto-post.schema.js';
import type { AutoPostContent } from './auto-post-content.js';
import type { MediaItem } from './auto-post-media.js';

/** every field a user sets on a post, after a create or a patch was merged with the stored post */
export interface AutoPostDraft {
  accountId: string;
  productId: string | null;
  mediaType: AutoPostMediaType;
  media: MediaItem[] | null;
  coverUrl: string | null;
  shareToFeed: boolean;
  captionTemplate: string | null;
  captionTemplateId: string | null;
  caption: string | null;
  locale: string | null;
  firstComment: string | null;
  scheduledAt: string;
}

export type DraftColumns = Pick<
  AutoPostTable,
  | 'account_id'
  | 'product_id'
  | 'media_type'
  | 'media'
  | 'cover_url'
  | 'share_to_feed'
  | 'caption'
  | 'caption_template'
  | 'caption_template_id'
  | 'locale'
  | 'first_comment'
  | 'scheduled_at'
>;

const DEFAULT_LOCALE = 'en-US';

/** one field's problem, in the same shape as the HTTP layer's schema errors */
export function invalid(path: string, message: string): AppError {
  return errors.validation(`Invalid request: ${path}: ${message}`, { issues: [{ path, message }] });
}

/**
 * Checks a post as a whole when it is saved, so that what can be known now fails now: the account
 * can publish, the product and template exist, the template has no unknown variable, the media fit
 * the type and Meta can download them, and the caption as it renders today is within the limits.
 */
export class AutoPostInput {
  constructor(
    private readonly accounts: Pick<AccountRepository, 'findInWorkspace'>,
    private readonly products: Pick<ProductRepository, 'findRow'>,
    private readonly templates: Pick<CaptionTemplateRepository, 'find'>,
    private readonly content: Pick<AutoPostContent, 'validateTemplate' | 'resolve'>,
  ) {}

  async check(workspaceId: string, d: AutoPostDraft): Promise<DraftColumns> {
    const account = await this.accounts.findInWorkspace(workspaceId, d.accountId);
    if (!account) throw invalid('body.accountId', 'no such account in this workspace');
    if (account.provider !== 'instagram') {
      throw errors.unprocessable(
        'account_cannot_publish',
        'Posts are published through the Instagram API; this account is connected through Chatrace',
      );
    }
    if (d.productId !== null && !(await this.products.findRow(workspaceId, d.productId)))
      throw invalid('body.productId', 'no such product in this workspace');
    const saved = d.captionTemplateId ? await this.templates.find(workspaceId, d.captionTemplateId) : null;
    if (d.captionTemplateId && !saved) throw invalid('body.captionTemplateId', 'no such caption template');
    const body = saved?.body ?? d.captionTemplate;
    if (body !== null && d.caption !== null)
      throw invalid('body.caption', 'give a caption or a caption template');
    if (body !== null && d.productId === null)
      throw invalid('body.productId', 'a caption template needs a product');
    if (d.mediaType === 'story' && (body !== null || d.caption !== null))
      throw invalid('body.caption', 'a story carries no caption');
    if (d.mediaType === 'story' && d.firstComment !== null)
      throw invalid('body.firstComment', 'a story cannot be commented on');
    if (d.coverUrl !== null && d.mediaType !== 'reel')
      throw invalid('body.coverUrl', 'only a reel has a cover');
    if (body !== null) await this.content.validateTemplate(workspaceId, body);
    const columns: DraftColumns = {
      account_id: d.accountId,
      product_id: d.productId,
      media_type: d.mediaType,
      media: d.media ? JSON.stringify(d.media) : null,
      cover_url: d.coverUrl,
      share_to_feed: d.shareToFeed ? 1 : 0,
      caption: d.caption,
      caption_template: body,
      caption_template_id: d.captionTemplateId,
      locale: d.locale ?? saved?.locale ?? DEFAULT_LOCALE,
      first_comment: d.firstComment,
      scheduled_at: d.scheduledAt,
    };
    // media fit the type and are reachable; the caption renders within Instagram's limits today
    await this.content.resolve({ workspace_id: workspaceId, ...columns });
    return columns;
  }
}

type Fields = Omit<PatchAutoPost, 'status'>;

/** a create, or a patch over the stored post: a caption replaces a template and the other way round */
export function draftOf(
  current: AutoPostRow | undefined,
  b: Fields & { scheduledAt?: string },
): AutoPostDraft {
  const givesTemplate = b.captionTemplate != null || b.captionTemplateId != null;
  const keepCaption = current && !givesTemplate;
  const keepTemplate = current && b.caption == null;
  return {
    accountId: current?.account_id ?? '',
    productId: b.productId === undefined ? (current?.product_id ?? null) : b.productId,
    mediaType: b.mediaType ?? current?.media_type ?? 'image',
    media:
      b.media === undefined ? (current?.media ? (JSON.parse(current.media) as MediaItem[]) : null) : b.media,
    coverUrl: b.coverUrl === undefined ? (current?.cover_url ?? null) : b.coverUrl,
    shareToFeed: b.shareToFeed ?? (current ? current.share_to_feed === 1 : true),
    captionTemplate:
      b.captionTemplate !== undefined ? b.captionTemplate : keepTemplate ? current.caption_template : null,
    captionTemplateId:
      b.captionTemplateId !== undefined
        ? b.captionTemplateId
        : b.captionTemplate === undefined && keepTemplate
          ? current.caption_template_id
          : null,
    caption: b.caption !== undefined ? b.caption : keepCaption ? current.caption : null,
    locale: b.locale ?? current?.locale ?? null,
    firstComment: b.firstComment === undefined ? (current?.first_comment ?? null) : b.firstComment,
    scheduledAt: b.scheduledAt ?? (current?.scheduled_at as string),
  };
}
