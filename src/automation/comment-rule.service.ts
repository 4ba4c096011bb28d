import type { AccountRepository } from '../accounts/account.repository.js';
import { AppError, errors } from '../errors.js';
import type { CommentRule, CommentRuleFields, CommentRuleRepository } from './comment-rule.repository.js';
import type { CreateBody, PatchBody } from './comment-rule.schema.js';
import { matches, normalizeText, patternProblem } from './keyword-match.js';

function invalid(path: string, message: string): AppError {
  return errors.validation(`Invalid request: ${path}: ${message}`, { issues: [{ path, message }] });
}

/** Whether the rule answers this comment: no keywords means every comment. */
export function commentMatches(rule: CommentRule, text: string): { keyword: string | null } | null {
  if (rule.keywords.length === 0) return { keyword: null };
  return matches(rule, text);
}

/** Whether the rule covers a post (a next_post rule not yet bound covers none: the engine binds it first). */
export function coversMedia(rule: CommentRule, mediaId: string): boolean {
  return rule.scope === 'all' || rule.mediaIds.includes(mediaId);
}

/** /api/v1/comment-rules: CRUD and the live tester */
export class CommentRuleService {
  constructor(
    private readonly rules: CommentRuleRepository,
    private readonly accounts: Pick<AccountRepository, 'findInWorkspace'>,
  ) {}

  async list(workspaceId: string, q: { accountId?: string; cursor?: string; limit: number }) {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const items = await this.rules.page(workspaceId, { accountId: q.accountId, after, limit: q.limit + 1 });
    const page = items.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: items.length > q.limit && last ? `${last.priority}:${last.id}` : null };
  }

  async get(workspaceId: string, id: string): Promise<CommentRule> {
    const rule = await this.rules.find(workspaceId, id);
    if (!rule) throw errors.notFound('Comment rule');
    return rule;
  }

  async create(workspaceId: string, b: CreateBody): Promise<CommentRule> {
    const fields: CommentRuleFields = {
      name: b.name,
      accountId: b.accountId ?? null,
      scope: b.scope,
      mediaIds: b.scope === 'next_post' ? [] : [...new Set(b.mediaIds ?? [])],
      keywords: [...new Set(b.keywords ?? [])],
      matchType: b.matchType ?? 'contains',
      publicReplies: b.publicReplies ?? [],
      privateReply: b.privateReply ?? null,
      priority: b.priority ?? 0,
      isActive: b.isActive ?? true,
    };
    await this.check(workspaceId, fields);
    return this.rules.insert(workspaceId, fields);
  }

  async update(workspaceId: string, id: string, b: PatchBody): Promise<CommentRule> {
    const cur = await this.get(workspaceId, id);
    const scope = b.scope ?? cur.scope;
    const fields: CommentRuleFields = {
      name: b.name ?? cur.name,
      accountId: b.accountId === undefined ? cur.accountId : b.accountId,
      scope,
      // Changing a rule to "next post" waits for the next one again.
      mediaIds: scope === 'next_post' && b.scope ? [] : b.mediaIds ? [...new Set(b.mediaIds)] : cur.mediaIds,
      keywords: b.keywords ? [...new Set(b.keywords)] : cur.keywords,
      matchType: b.matchType ?? cur.matchType,
      publicReplies: b.publicReplies ?? cur.publicReplies,
      privateReply: b.privateReply === undefined ? cur.privateReply : b.privateReply,
      priority: b.priority ?? cur.priority,
      isActive: b.isActive ?? cur.isActive,
    };
    await this.check(workspaceId, fields);
    const updated = await this.rules.update(workspaceId, id, fields);
    if (!updated) throw errors.notFound('Comment rule');
    return updated;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.rules.delete(workspaceId, id))) throw errors.notFound('Comment rule');
  }

  /** the live tester: which rule would answer this comment, and what it would say */
  async test(workspaceId: string, q: { text: string; mediaId?: string; accountId?: string }) {
    const rules = q.accountId
      ? await this.rules.forAccount(workspaceId, q.accountId)
      : (await this.rules.page(workspaceId, { limit: 1000 })).filter((r) => r.isActive);
    for (const rule of rules) {
      if (q.mediaId && rule.scope !== 'next_post' && !coversMedia(rule, q.mediaId)) continue;
      const m = commentMatches(rule, q.text);
      if (m)
        return {
          rule,
          keyword: m.keyword,
          publicReplies: rule.publicReplies,
          privateReply: rule.privateReply,
        };
    }
    return { rule: null, keyword: null, publicReplies: [], privateReply: null };
  }

  private async check(workspaceId: string, f: CommentRuleFields): Promise<void> {
    if (f.accountId !== null && !(await this.accounts.findInWorkspace(workspaceId, f.accountId)))
      throw invalid('body.accountId', 'no such account in this workspace');
    if (f.scope === 'media' && f.mediaIds.length === 0)
      throw invalid('body.mediaIds', 'choose at least one post for scope "media"');
    if (f.scope === 'next_post' && f.accountId === null)
      throw invalid('body.accountId', 'a "next post" rule belongs to one account');
    if (f.scope === 'all' && f.mediaIds.length > 0)
      throw invalid('body.mediaIds', 'scope "all" covers every post; use scope "media" to choose');
    if (f.publicReplies.length === 0 && !f.privateReply)
      throw invalid('body.publicReplies', 'give a public reply, a private reply, or both');
    f.keywords.forEach((k, i) => {
      const problem =
        f.matchType === 'regex' ? patternProblem(k) : normalizeText(k) === '' ? 'no letters to match' : null;
      if (problem)
        throw new AppError(
          'invalid_keyword_pattern',
          `The keyword ${JSON.stringify(k)} is not usable: ${problem}`,
          400,
          {
            keyword: k,
            reason: problem,
            path: `body.keywords.${i}`,
          },
        );
    });
  }
}

function decodeCursor(cursor: string): { priority: number; id: string } {
  const m = /^(-?\d{1,7}):([\w-]{1,64})$/.exec(cursor);
  if (!m) throw invalid('querystring.cursor', 'not a cursor from this list');
  return { priority: Number(m[1]), id: m[2] as string };
}
