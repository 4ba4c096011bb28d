import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AttachmentService } from './attachment.service.js';
import type { StoredAttachment } from './inbox-op.js';
import type { MessageRepository } from './message.repository.js';

/**
 * The copy-attachments job: Meta's attachment URLs stop working after a while, so each one is
 * copied into the attachment store (up to ATTACHMENT_MAX_BYTES; bigger files keep Meta's URL).
 * A failed download throws, so the job retries with backoff.
 */
export class MessageAttachmentService {
  constructor(
    private readonly messages: MessageRepository,
    private readonly store: Pick<AttachmentService, 'storeFromUrl'>,
    private readonly log: Logger,
  ) {}

  async copy(messageId: string): Promise<void> {
    const m = await this.messages.findById(messageId);
    if (!m || m.is_deleted === 1) return;
    const list = JSON.parse(m.attachments) as StoredAttachment[];
    let changed = false;
    for (const a of list) {
      if (a.attachmentId || !a.sourceUrl) continue;
      try {
        const row = await this.store.storeFromUrl(m.workspace_id, a.sourceUrl);
        if (!row) continue;
        a.attachmentId = row.id;
        a.mimeType = row.mime_type;
        changed = true;
      } catch (err) {
        // A URL we could never fetch (not http, say) stays Meta's; anything else is retried.
        if (!(err instanceof AppError)) throw err;
        this.log.info({ messageId, code: err.code }, 'attachment not copied');
      }
    }
    // Re-read: an unsend may have arrived while downloading.
    const fresh = await this.messages.findById(messageId);
    if (changed && fresh && fresh.is_deleted === 0)
      await this.messages.update(m.id, { attachments: JSON.stringify(list) });
  }
}
