import type { AccountRepository } from '../accounts/account.repository.js';
import { AppError, errors } from '../errors.js';
import type { DmKeywordRepository, DmKeywordRule, RuleFields } from './dm-keyword.repository.js';
import type { CreateBody, PatchBody } from './dm-keyword.schema.js';
import {
  firstMatch,
  matches,
  normalizeText,
  patternProblem,
  type SkipReason,
  skipReason,
} from './keyword-match.js';

export interface TestOutcome {
  rule: DmKeywordRule | null;
  keyword: string | null;
  skipped: { ruleId: string; reason: SkipReason }[];
}

const defaults = { priority: 0, cooldownSeconds: 86_400, isActive: true };

/** one field's problem, in the same shape as the HTTP layer's schema errors */
function invalid(path: string, message: string): AppError {
  return errors.validation(`Invalid request: ${path}: ${message}`, { issues: [{ path, message }] });
}

export class DmKeywordService {
  constructor(
    private readonly rules: DmKeywordRepository,
    private readonly accounts: Pick<AccountRepository, 'findInWorkspace'>,
    private readonly clock: () => number,
  ) {}

  async list(workspaceId: string, q: { accountId?: string; cursor?: string; limit: number }) {
    const items = await this.rules.page(workspaceId, {
      accountId: q.accountId,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const more = items.length > q.limit;
    const page = items.slice(0, q.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: more && last ? `${last.priority}:${last.id}` : null };
  }

  async get(workspaceId: string, id: string): Promise<DmKeywordRule> {
    const rule = await this.rules.find(workspaceId, id);
    if (!rule) throw errors.notFound('DM keyword rule');
    return rule;
  }

  async create(workspaceId: string, body: CreateBody): Promise<DmKeywordRule> {
    const fields: RuleFields = {
      accountId: body.accountId ?? null,
      keywords: keywordList(body) ?? [],
      matchType: body.matchType,
      responseMessage: body.responseMessage,
      attachment: body.attachment ?? null,
      quickReplies: quickReplies(body.quickReplies) ?? [],
      priority: body.priority ?? defaults.priority,
      cooldownSeconds: body.cooldownSeconds ?? defaults.cooldownSeconds,
      activeHours: body.activeHours ?? null,
      isActive: body.isActive ?? defaults.isActive,
    };
    await this.check(workspaceId, fields);
    return this.rules.insert(workspaceId, fields);
  }

  async update(workspaceId: string, id: string, body: PatchBody): Promise<DmKeywordRule> {
    const current = await this.get(workspaceId, id);
    const fields: RuleFields = {
      accountId: body.accountId === undefined ? current.accountId : body.accountId,
      keywords: keywordList(body) ?? current.keywords,
      matchType: body.matchType ?? current.matchType,
      responseMessage: body.responseMessage ?? current.responseMessage,
      attachment: body.attachment === undefined ? current.attachment : body.attachment,
      quickReplies: quickReplies(body.quickReplies) ?? current.quickReplies,
      priority: body.priority ?? current.priority,
      cooldownSeconds: body.cooldownSeconds ?? current.cooldownSeconds,
      activeHours: body.activeHours === undefined ? current.activeHours : body.activeHours,
      isActive: body.isActive ?? current.isActive,
    };
    // The result is checked as a whole: switching matchType to regex validates the old keywords too.
    await this.check(workspaceId, fields);
    const updated = await this.rules.update(workspaceId, id, fields);
    if (!updated) throw errors.notFound('DM keyword rule');
    return updated;
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    if (!(await this.rules.delete(workspaceId, id))) throw errors.notFound('DM keyword rule');
  }

  /** The engine's question: which active rule answers this message to this account now. */
  async match(workspaceId: string, accountId: string, text: string, now = new Date(this.clock())) {
    return firstMatch(await this.rules.forMatching(workspaceId, accountId), text, { accountId, now });
  }

  /** The live tester: the rule that would fire, and the earlier ones that matched but may not fire. */
  async test(workspaceId: string, text: string, accountId?: string): Promise<TestOutcome> {
    if (accountId !== undefined) await this.checkAccount(workspaceId, accountId);
    const ctx = { accountId, now: new Date(this.clock()) };
    const skipped: TestOutcome['skipped'] = [];
    for (const rule of await this.rules.forMatching(workspaceId, accountId, false)) {
      const m = matches(rule, text);
      if (!m) continue;
      const reason = skipReason(rule, ctx);
      if (reason === null) return { rule, keyword: m.keyword, skipped };
      skipped.push({ ruleId: rule.id, reason });
    }
    return { rule: null, keyword: null, skipped };
  }

  private async check(workspaceId: string, f: RuleFields): Promise<void> {
    if (f.accountId !== null) await this.checkAccount(workspaceId, f.accountId);
    if (f.keywords.length === 0) throw invalid('body.keywords', 'give keyword or keywords');
    f.keywords.forEach((k, i) => {
      if (f.matchType === 'regex') {
        const reason = patternProblem(k);
        if (reason) {
          throw new AppError(
            'invalid_keyword_pattern',
            `The pattern ${JSON.stringify(k)} is not usable: ${reason}`,
            400,
            {
              keyword: k,
              reason,
              path: `body.keywords.${i}`,
            },
          );
        }
      } else if (normalizeText(k) === '') {
        throw invalid(`body.keywords.${i}`, 'the keyword has no letters, digits or symbols to match');
      }
    });
  }

  private async checkAccount(workspaceId: string, accountId: string): Promise<void> {
    if (!(await this.accounts.findInWorkspace(workspaceId, accountId))) {
      throw invalid('body.accountId', 'no such account in this workspace');
    }
  }
}

/** `keyword` and `keywords` together, without repeats; undefined when neither is given */
function keywordList(b: { keyword?: string; keywords?: string[] }): string[] | undefined {
  if (b.keyword === undefined && b.keywords === undefined) return undefined;
  return [...new Set([...(b.keyword === undefined ? [] : [b.keyword]), ...(b.keywords ?? [])])];
}

function quickReplies(q: { title: string; payload?: string }[] | undefined) {
  return q?.map((r) => ({ title: r.title, payload: r.payload || r.title }));
}

function decodeCursor(cursor: string): { priority: number; id: string } {
  const m = /^(-?\d{1,7}):([\w-]{1,64})$/.exec(cursor);
  if (!m) throw invalid('querystring.cursor', 'not a cursor from this list');
  return { priority: Number(m[1]), id: m[2]! };
}
