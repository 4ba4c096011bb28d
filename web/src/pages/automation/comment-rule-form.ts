import { keywordsText, parseKeywords } from './keywords.js';
import type { LocalProblem } from './rule-form.js';
import type { CommentRule, CommentScope, MatchType } from './types.js';

// The comment rule editor's state and its request body (POST/PATCH /api/v1/comment-rules).

export interface CommentRuleForm {
  name: string;
  /** '' = every account (scope "all" only) */
  accountId: string;
  scope: CommentScope;
  /** Instagram media ids of the chosen posts */
  mediaIds: string[];
  /** one per line; none: every comment */
  keywords: string;
  matchType: MatchType;
  /** one variant per entry; one is picked at random each time */
  publicReplies: string[];
  privateReplyOn: boolean;
  privateReply: string;
  isActive: boolean;
}

export interface CommentRuleBody {
  name: string;
  accountId: string | null;
  scope: CommentScope;
  mediaIds: string[];
  keywords: string[];
  matchType: MatchType;
  publicReplies: string[];
  privateReply: string | null;
  isActive: boolean;
  priority?: number;
}

export function emptyCommentForm(accountId: string): CommentRuleForm {
  return {
    name: '',
    accountId,
    scope: 'all',
    mediaIds: [],
    keywords: '',
    matchType: 'contains',
    publicReplies: [''],
    privateReplyOn: false,
    privateReply: '',
    isActive: true,
  };
}

export function commentFormFromRule(r: CommentRule): CommentRuleForm {
  return {
    name: r.name,
    accountId: r.accountId ?? '',
    scope: r.scope,
    mediaIds: r.scope === 'media' ? [...r.mediaIds] : [],
    keywords: keywordsText(r.keywords),
    matchType: r.matchType,
    publicReplies: r.publicReplies.length > 0 ? [...r.publicReplies] : [''],
    privateReplyOn: r.privateReply !== null,
    privateReply: r.privateReply ?? '',
    isActive: r.isActive,
  };
}

export function commentRuleBody(f: CommentRuleForm, priority?: number): CommentRuleBody {
  const body: CommentRuleBody = {
    name: f.name.trim(),
    accountId: f.accountId || null,
    scope: f.scope,
    // The server keeps a "next post" rule's post itself once it appears; "all" has none.
    mediaIds: f.scope === 'media' ? [...new Set(f.mediaIds)] : [],
    keywords: parseKeywords(f.keywords),
    matchType: f.matchType,
    publicReplies: f.publicReplies.map((r) => r.trim()).filter(Boolean),
    privateReply: f.privateReplyOn && f.privateReply.trim() ? f.privateReply.trim() : null,
    isActive: f.isActive,
  };
  if (priority !== undefined) body.priority = priority;
  return body;
}

export function commentFormProblems(f: CommentRuleForm): LocalProblem[] {
  const out: LocalProblem[] = [];
  const body = commentRuleBody(f);
  if (!body.name) out.push({ path: 'name', key: 'automation.form.required' });
  if (f.scope !== 'all' && !f.accountId)
    out.push({ path: 'accountId', key: 'automation.comments.accountNeeded' });
  if (f.scope === 'media' && body.mediaIds.length === 0)
    out.push({ path: 'mediaIds', key: 'automation.comments.choosePosts' });
  if (f.privateReplyOn && !body.privateReply)
    out.push({ path: 'privateReply', key: 'automation.form.required' });
  if (body.publicReplies.length === 0 && !body.privateReply)
    out.push({ path: 'publicReplies', key: 'automation.comments.replyNeeded' });
  return out;
}

/** adds or removes a post from the chosen ones, keeping the order they were picked in */
export function togglePost(ids: readonly string[], mediaId: string): string[] {
  return ids.includes(mediaId) ? ids.filter((id) => id !== mediaId) : [...ids, mediaId];
}
