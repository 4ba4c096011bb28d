import type { ZodType } from 'zod';
import type { Logger } from '../../logger.js';
import { type InsightsUnavailable, insightsUnavailable, isGraphError } from './graph-errors.js';
import { GraphHttp, type QueryValue, type TokenAuth } from './graph-http.js';
import * as media from './graph-media-schemas.js';
import * as msg from './graph-message-schemas.js';
import { type GraphPage, pageSchema } from './graph-paging.js';
import type { RateLimitOptions } from './graph-rate-limiter.js';
import * as req from './graph-requests.js';
import * as base from './graph-schemas.js';
import { InstagramOAuth, type LongLivedToken, type ShortLivedToken } from './oauth.js';

// The only code that talks to graph.instagram.com (Instagram API with Instagram Login).
// Every method takes the token of the account it acts for; `igUserId` is that account's
// professional id (/me user_id, the webhook entry id) and is used in paths and for rate limits.

export interface GraphClientConfig {
  graphUrl: string;
  apiVersion: string;
  oauthTokenUrl: string;
  appId?: string | undefined;
  appSecret?: string | undefined;
  timeoutMs: number;
  logger: Logger;
  fetch?: typeof fetch;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  rateLimit?: Partial<RateLimitOptions>;
}

export interface GraphAuth extends TokenAuth {
  igUserId: string;
}

export interface PageOptions {
  after?: string;
  limit?: number;
}

const seg = (id: string) => `/${encodeURIComponent(id)}`;

export class GraphClient {
  private readonly http: GraphHttp;
  private readonly oauth: InstagramOAuth;

  constructor(config: GraphClientConfig) {
    const secrets = config.appSecret ? [config.appSecret] : [];
    this.http = new GraphHttp({ ...config, secrets });
    this.oauth = new InstagramOAuth(this.http, { ...config, clock: config.clock ?? Date.now });
  }

  /** current usage per account and app, as Meta last reported it, and any active blocks */
  usage() {
    return this.http.usage();
  }

  // ---- account ----

  /** GET /me — connects a token to its account; `userId` is the id webhooks use */
  me(auth: TokenAuth): Promise<base.MeProfile> {
    return this.get(auth, '/me', { fields: req.fields.me }, base.meSchema);
  }

  /** GET /{igUserId} — the account's own profile (biography, website, counts) */
  getAccount(auth: GraphAuth): Promise<base.AccountProfile> {
    return this.get(auth, seg(auth.igUserId), { fields: req.fields.account }, base.accountSchema);
  }

  /** GET /{igsid} — a customer's profile; only after they messaged the account */
  getUserProfile(auth: GraphAuth, igsid: string): Promise<base.UserProfile> {
    return this.get(auth, seg(igsid), { fields: req.fields.userProfile }, base.userProfileSchema);
  }

  // ---- webhooks subscription ----

  /** POST /me/subscribed_apps (subscribed_fields=messages,comments,…) */
  subscribeApp(auth: TokenAuth, subscribedFields: string[]): Promise<boolean> {
    return this.post(
      auth,
      '/me/subscribed_apps',
      { subscribed_fields: subscribedFields.join(',') },
      base.successSchema,
    );
  }

  getSubscribedApps(auth: TokenAuth): Promise<base.SubscribedApp[]> {
    return this.get(auth, '/me/subscribed_apps', {}, base.subscribedAppsSchema);
  }

  unsubscribeApp(auth: TokenAuth): Promise<boolean> {
    return this.del(auth, '/me/subscribed_apps', base.successSchema);
  }

  // ---- messaging ----

  /** POST /{igUserId}/messages — text or attachment, to an IGSID or as a private reply to a comment */
  sendMessage(auth: GraphAuth, input: req.SendMessageInput): Promise<msg.SendResult> {
    const json = req.sendMessageBody(input);
    return this.http.request({
      method: 'POST',
      path: `${seg(auth.igUserId)}/messages`,
      auth,
      json,
      schema: msg.sendResultSchema,
    });
  }

  /** POST /{igUserId}/messages with sender_action react/unreact */
  sendReaction(auth: GraphAuth, input: req.SendReactionInput): Promise<msg.SendResult> {
    const json = req.sendReactionBody(input);
    return this.http.request({
      method: 'POST',
      path: `${seg(auth.igUserId)}/messages`,
      auth,
      json,
      schema: msg.sendResultSchema,
    });
  }

  /** GET /{igUserId}/conversations?platform=instagram (userId: only the thread with that IGSID) */
  listConversations(
    auth: GraphAuth,
    opts: PageOptions & { userId?: string; withMessages?: boolean } = {},
  ): Promise<GraphPage<msg.Conversation>> {
    const query = {
      platform: 'instagram',
      user_id: opts.userId,
      fields: opts.withMessages ? req.conversationWithMessagesFields : req.fields.conversation,
      after: opts.after,
      limit: opts.limit,
    };
    return this.get(auth, `${seg(auth.igUserId)}/conversations`, query, pageSchema(msg.conversationSchema));
  }

  /** GET /{conversationId}?fields=messages{…} — the thread's most recent messages (Meta: at most 20) */
  getConversationMessages(auth: GraphAuth, conversationId: string): Promise<msg.Conversation> {
    return this.get(
      auth,
      seg(conversationId),
      { fields: `id,messages{${req.fields.message}}` },
      msg.conversationSchema,
    );
  }

  getMessage(auth: GraphAuth, messageId: string): Promise<msg.InstagramMessage> {
    return this.get(auth, seg(messageId), { fields: req.fields.message }, msg.messageSchema);
  }

  // ---- media ----

  listMedia(auth: GraphAuth, opts: PageOptions = {}): Promise<GraphPage<media.Media>> {
    const query = { fields: req.mediaFields, after: opts.after, limit: opts.limit };
    return this.get(auth, `${seg(auth.igUserId)}/media`, query, pageSchema(media.mediaSchema));
  }

  getMedia(auth: GraphAuth, mediaId: string): Promise<media.Media> {
    return this.get(auth, seg(mediaId), { fields: req.mediaFields }, media.mediaSchema);
  }

  deleteMedia(auth: GraphAuth, mediaId: string): Promise<media.MediaDeleteResult> {
    return this.del(auth, seg(mediaId), media.mediaDeleteSchema);
  }

  /** POST /{mediaId} (comment_enabled=true|false) */
  setCommentsEnabled(auth: GraphAuth, mediaId: string, enabled: boolean): Promise<boolean> {
    return this.post(auth, seg(mediaId), { comment_enabled: String(enabled) }, base.successSchema);
  }

  // ---- publishing ----

  /** POST /{igUserId}/media — returns the container id */
  createContainer(auth: GraphAuth, input: req.ContainerInput): Promise<base.Created> {
    return this.post(auth, `${seg(auth.igUserId)}/media`, req.containerParams(input), base.createdSchema);
  }

  getContainerStatus(auth: GraphAuth, containerId: string): Promise<media.ContainerStatus> {
    return this.get(auth, seg(containerId), { fields: 'id,status_code,status' }, media.containerStatusSchema);
  }

  /** POST /{igUserId}/media_publish (creation_id) — the published media id. Never call twice for one container. */
  publishContainer(auth: GraphAuth, containerId: string): Promise<base.Created> {
    return this.post(
      auth,
      `${seg(auth.igUserId)}/media_publish`,
      { creation_id: containerId },
      base.createdSchema,
    );
  }

  getPublishingLimit(auth: GraphAuth): Promise<media.PublishingLimit> {
    const query = { fields: 'quota_usage,config' };
    return this.get(
      auth,
      `${seg(auth.igUserId)}/content_publishing_limit`,
      query,
      media.publishingLimitSchema,
    );
  }

  // ---- comments ----

  listComments(auth: GraphAuth, mediaId: string, opts: PageOptions = {}): Promise<GraphPage<msg.Comment>> {
    const query = { fields: req.fields.comment, after: opts.after, limit: opts.limit };
    return this.get(auth, `${seg(mediaId)}/comments`, query, pageSchema(msg.commentSchema));
  }

  listReplies(auth: GraphAuth, commentId: string, opts: PageOptions = {}): Promise<GraphPage<msg.Comment>> {
    const query = { fields: req.fields.comment, after: opts.after, limit: opts.limit };
    return this.get(auth, `${seg(commentId)}/replies`, query, pageSchema(msg.commentSchema));
  }

  getComment(auth: GraphAuth, commentId: string): Promise<msg.Comment> {
    return this.get(
      auth,
      seg(commentId),
      { fields: `${req.fields.comment},user,replies{${req.fields.comment}}` },
      msg.commentSchema,
    );
  }

  /** POST /{mediaId}/comments — a top-level comment by the account */
  createComment(auth: GraphAuth, mediaId: string, message: string): Promise<base.Created> {
    return this.post(auth, `${seg(mediaId)}/comments`, { message }, base.createdSchema);
  }

  /** POST /{commentId}/replies — a public reply */
  replyToComment(auth: GraphAuth, commentId: string, message: string): Promise<base.Created> {
    return this.post(auth, `${seg(commentId)}/replies`, { message }, base.createdSchema);
  }

  setCommentHidden(auth: GraphAuth, commentId: string, hidden: boolean): Promise<boolean> {
    return this.post(auth, seg(commentId), { hide: String(hidden) }, base.successSchema);
  }

  deleteComment(auth: GraphAuth, commentId: string): Promise<boolean> {
    return this.del(auth, seg(commentId), base.successSchema);
  }

  // ---- mentions ----

  getMentionedMedia(auth: GraphAuth, mediaId: string): Promise<media.Media> {
    const query = { fields: `mentioned_media.media_id(${mediaId}){${req.fields.mediaCore}}` };
    return this.get(auth, seg(auth.igUserId), query, media.mentionedMediaSchema);
  }

  getMentionedComment(auth: GraphAuth, commentId: string): Promise<msg.Comment> {
    const query = {
      fields: `mentioned_comment.comment_id(${commentId}){id,text,timestamp,like_count,media}`,
    };
    return this.get(auth, seg(auth.igUserId), query, msg.mentionedCommentSchema);
  }

  /** POST /{igUserId}/mentions — reply to a mention in a caption (no commentId) or in a comment */
  replyToMention(
    auth: GraphAuth,
    input: { mediaId: string; commentId?: string; message: string },
  ): Promise<base.Created> {
    const form = {
      media_id: input.mediaId,
      message: input.message,
      ...(input.commentId ? { comment_id: input.commentId } : {}),
    };
    return this.post(auth, `${seg(auth.igUserId)}/mentions`, form, base.createdSchema);
  }

  // ---- insights ----

  getMediaInsights(auth: GraphAuth, mediaId: string, q: req.MediaInsightsQuery): Promise<media.Insight[]> {
    const query = { metric: q.metrics.join(','), period: q.period, breakdown: q.breakdown };
    return this.get(auth, `${seg(mediaId)}/insights`, query, media.insightsSchema);
  }

  /**
   * A media's lifetime insights, or why Meta has none for it (a story with under 5 viewers, media
   * from before the account became professional) instead of an error; other failures throw.
   */
  async readMediaInsights(
    auth: GraphAuth,
    mediaId: string,
    metrics: readonly string[],
  ): Promise<{ insights: media.Insight[]; unavailable: InsightsUnavailable | null }> {
    try {
      return {
        insights: await this.getMediaInsights(auth, mediaId, { metrics: [...metrics] }),
        unavailable: null,
      };
    } catch (err) {
      const reason = isGraphError(err) ? insightsUnavailable(err) : null;
      if (!reason) throw err;
      return { insights: [], unavailable: reason };
    }
  }

  getAccountInsights(auth: GraphAuth, q: req.AccountInsightsQuery): Promise<media.Insight[]> {
    return this.get(
      auth,
      `${seg(auth.igUserId)}/insights`,
      req.accountInsightsParams(q),
      media.insightsSchema,
    );
  }

  // ---- OAuth ----

  exchangeCode(code: string, redirectUri: string): Promise<ShortLivedToken> {
    return this.oauth.exchangeCode(code, redirectUri);
  }

  exchangeForLongLivedToken(shortLivedToken: string): Promise<LongLivedToken> {
    return this.oauth.exchangeForLongLived(shortLivedToken);
  }

  refreshLongLivedToken(longLivedToken: string): Promise<LongLivedToken> {
    return this.oauth.refreshLongLived(longLivedToken);
  }

  private get<T>(auth: TokenAuth, path: string, query: Record<string, QueryValue>, schema: ZodType<T>) {
    return this.http.request({ method: 'GET', path, auth, query, schema });
  }

  private post<T>(auth: TokenAuth, path: string, form: Record<string, string>, schema: ZodType<T>) {
    return this.http.request({ method: 'POST', path, auth, form, schema });
  }

  private del<T>(auth: TokenAuth, path: string, schema: ZodType<T>) {
    return this.http.request({ method: 'DELETE', path, auth, schema });
  }
}
