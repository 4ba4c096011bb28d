import { errors } from '../errors.js';
import { captionCounts, captionProblems } from '../products/caption-limits.js';
import { renderCaption, validateTemplate } from '../products/caption-template.js';
import type { CaptionTemplateRepository } from '../products/caption-template.repository.js';
import { parseStringList } from '../products/product.js';
import type { ProductRepository, ProductRow } from '../products/product.repository.js';
import type { AutoPostRow } from './auto-post.repository.js';
import { type MediaItem, postMedia, reachableMedia } from './auto-post-media.js';
import { freshUploadUrl, type Uploads } from './auto-post-uploads.js';
import type { MediaReach } from './media-reach.js';

/** what one post publishes, resolved at publish time (so a changed price or image shows) */
export interface PostContent {
  items: MediaItem[];
  coverUrl: string | null;
  /** null for stories (they carry no caption) */
  caption: string | null;
}

type PostFields = Pick<
  AutoPostRow,
  | 'workspace_id'
  | 'product_id'
  | 'media_type'
  | 'media'
  | 'cover_url'
  | 'caption'
  | 'caption_template'
  | 'caption_template_id'
  | 'locale'
>;

/** Products, templates and Meta's limits, put together for a post (at save time and at publish time). */
export class AutoPostContent {
  constructor(
    private readonly products: Pick<ProductRepository, 'findRow' | 'customFieldNames'>,
    private readonly templates: Pick<CaptionTemplateRepository, 'find'>,
    private readonly reach: MediaReach,
    private readonly uploads: Uploads,
  ) {}

  async product(workspaceId: string, productId: string | null): Promise<ProductRow | null> {
    if (productId === null) return null;
    const row = await this.products.findRow(workspaceId, productId);
    if (!row)
      throw errors.unprocessable('product_unavailable', 'The product of this post was deleted', {
        productId,
      });
    return row;
  }

  /** the template body a post renders: its saved template's current body, else its own copy */
  async templateBody(post: Pick<PostFields, 'workspace_id' | 'caption_template' | 'caption_template_id'>) {
    if (!post.caption_template_id) return post.caption_template;
    const t = await this.templates.find(post.workspace_id, post.caption_template_id);
    return t?.body ?? post.caption_template;
  }

  /** save time: an unknown variable or a lone brace is an error now, not at publish time */
  async validateTemplate(workspaceId: string, body: string): Promise<void> {
    validateTemplate(body, await this.products.customFieldNames(workspaceId));
  }

  async resolve(post: PostFields): Promise<PostContent> {
    const product = await this.product(post.workspace_id, post.product_id);
    const items = postMedia(
      post.media_type,
      post.media ? (JSON.parse(post.media) as MediaItem[]) : null,
      product ? parseStringList(product.image_urls) : null,
    );
    const cover = post.media_type === 'reel' ? post.cover_url : null;
    const fresh = (url: string) => freshUploadUrl(url, post.workspace_id, this.uploads, this.reach.publicUrl);
    const linked = await Promise.all(items.map(async (m) => ({ ...m, url: await fresh(m.url) })));
    const media = reachableMedia(linked, cover === null ? null : await fresh(cover), this.reach);
    const caption = post.media_type === 'story' ? null : await this.caption(post, product);
    return { ...media, caption };
  }

  private async caption(post: PostFields, product: ProductRow | null): Promise<string | null> {
    const body = await this.templateBody(post);
    let caption = post.caption;
    let problems = caption === null ? [] : captionProblems(captionCounts(caption));
    if (body !== null && product) {
      const rendered = renderCaption(body, product, post.locale);
      caption = rendered.caption;
      problems = rendered.problems;
    }
    if (problems.length > 0) {
      throw errors.unprocessable(
        'caption_limits_exceeded',
        `The caption breaks Instagram's limits: ${problems.map((p) => p.message).join('; ')}`,
        { problems },
      );
    }
    return caption || null;
  }
}
