// Response and request shapes of the publishing routes. The contract is the zod schemas in
// src/posts, src/comments, src/products and src/auto-posts; test/web/publishing-contract.test.ts
// fails to compile if these drift from them.

export interface PostChild {
  igMediaId: string;
  mediaType: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  permalink: string | null;
}

export interface PostView {
  id: string;
  accountId: string;
  igMediaId: string;
  /** IMAGE, VIDEO, CAROUSEL_ALBUM */
  mediaType: string | null;
  /** FEED, REELS, STORY, AD */
  mediaProductType: string | null;
  caption: string | null;
  permalink: string | null;
  mediaUrl: string | null;
  thumbnailUrl: string | null;
  timestamp: string;
  likeCount: number | null;
  commentsCount: number | null;
  children: PostChild[];
  syncedAt: string;
}

export interface SyncResult {
  mode: 'full' | 'incremental';
  pages: number;
  seen: number;
  created: number;
  updated: number;
  removed: number;
  truncated: boolean;
  commentPosts: number;
  commentsImported: number;
  error?: string | undefined;
  errorKind?: string | undefined;
}

export interface SyncState {
  fullSyncAt: string | null;
  lastSyncAt: string | null;
  lastResult: SyncResult | null;
}

/** GET /accounts/:id/sync-media/:jobId */
export interface SyncJob {
  jobId: string;
  state: 'waiting' | 'delayed' | 'active' | 'completed' | 'dead';
  progress: number;
  lastResult: SyncResult | null;
}

export interface CommentView {
  id: string;
  accountId: string;
  postId: string | null;
  igCommentId: string;
  igMediaId: string;
  parentIgCommentId: string | null;
  from: { igsid: string | null; username: string | null };
  text: string | null;
  hidden: boolean;
  deleted: boolean;
  likeCount: number | null;
  timestamp: string;
  fromSelf: boolean;
}

export interface CommentThread extends CommentView {
  replies: CommentView[];
}

export interface ProductView {
  id: string;
  name: string;
  price: string;
  currency: string;
  description: string;
  imageUrls: string[];
  url: string | null;
  hashtags: string[];
  inStock: boolean;
  customFields: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

/** POST /products (PATCH takes the same fields, each optional; customFields null clears) */
export interface ProductBody {
  name: string;
  price: string | number;
  currency: string;
  description?: string | undefined;
  imageUrls?: string[] | undefined;
  url?: string | null | undefined;
  hashtags?: string[] | undefined;
  inStock?: boolean | undefined;
  customFields?: Record<string, string> | undefined;
}

export interface ImportReport {
  imported: number;
  updated: number;
  /** row numbers as a spreadsheet shows them: the header is row 1 */
  failed: { row: number; errors: { column: string | null; message: string }[] }[];
  delimiter: ',' | ';' | '\t';
  encoding: 'utf-8' | 'windows-1251';
  dryRun: boolean;
}

export interface TemplateView {
  id: string;
  name: string;
  body: string;
  locale: string;
  variables: string[];
  createdAt: string;
  updatedAt: string;
}

export type CaptionProblemCode = 'caption_too_long' | 'too_many_hashtags' | 'too_many_mentions';

export interface CaptionPreview {
  caption: string;
  length: number;
  hashtagCount: number;
  mentionCount: number;
  problems: { code: CaptionProblemCode; limit: number; actual: number; message: string }[];
  unknown: string[];
  syntax: { index: number; message: string }[];
  missing: string[];
  product: { id: string | null; name: string };
}

/** the accounts the pages offer (GET /accounts) */
export interface PublishingAccount {
  id: string;
  provider: 'instagram' | 'chatrace';
  username: string | null;
  name: string | null;
  status: 'active' | 'expiring' | 'token_expired' | 'disconnected';
}
