import { errors } from '../errors.js';
import type { AttachmentService } from './attachment.service.js';
import type { ContactFilter, ContactRepository, ContactRow } from './contact.repository.js';
import { toContactView } from './contact.schema.js';

/** Customers: search, profile, the operator's notes and tags. */
export class ContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly attachments: Pick<AttachmentService, 'signedPath'>,
  ) {}

  async list(workspaceId: string, filter: ContactFilter) {
    const rows = await this.contacts.list(workspaceId, filter);
    const more = rows.length > filter.limit;
    const items = rows.slice(0, filter.limit);
    return {
      items: await Promise.all(items.map((c) => this.view(c))),
      nextCursor: more ? (items.at(-1)?.id ?? null) : null,
    };
  }

  async get(workspaceId: string, id: string) {
    return this.view(await this.find(workspaceId, id));
  }

  async update(workspaceId: string, id: string, patch: { notes?: string; tags?: string[] }) {
    const c = await this.find(workspaceId, id);
    await this.contacts.update(c.id, {
      ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
      ...(patch.tags !== undefined ? { tags: JSON.stringify([...new Set(patch.tags)]) } : {}),
    });
    return this.get(workspaceId, id);
  }

  private async find(workspaceId: string, id: string): Promise<ContactRow> {
    const c = await this.contacts.findById(workspaceId, id);
    if (!c) throw errors.notFound('Contact');
    return c;
  }

  private async view(c: ContactRow) {
    const linked = await this.contacts.linked(c);
    return toContactView(
      c,
      linked.map((l) => ({ id: l.id, accountId: l.account_id, source: l.source })),
      (id) => this.attachments.signedPath(id),
    );
  }
}
