import { errors } from '../errors.js';
import type { AutomationActionRepository } from './automation-action.repository.js';
import { toActionView } from './automation-action.schema.js';

/** GET /api/v1/automation-actions: the record of what the bot did, and why it kept quiet */
export class AutomationActionService {
  constructor(private readonly actions: AutomationActionRepository) {}

  async list(
    workspaceId: string,
    q: { conversationId?: string; accountId?: string; ruleId?: string; cursor?: string; limit: number },
  ) {
    if (q.cursor && !/^[\w-]{1,64}$/.test(q.cursor))
      throw errors.validation('Invalid request: querystring.cursor: not a cursor from this list', {
        issues: [{ path: 'querystring.cursor', message: 'not a cursor from this list' }],
      });
    const rows = await this.actions.page(workspaceId, { ...q, before: q.cursor, limit: q.limit + 1 });
    const items = rows.slice(0, q.limit).map(toActionView);
    return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
  }
}
