import { useCallback, useState } from 'react';
import { useApi } from '../../lib/session.js';
import { outgoingTypeOf } from './message-parts.js';
import { windowRefusal } from './send-error.js';
import type { SendAccepted, SendBody, UploadedAttachment } from './types.js';

/**
 * Sending from the composer: text, an uploaded file (POST /attachments, then its id), or a
 * reaction. A refusal because the window closed also refreshes the conversation so the
 * composer is replaced by the reason.
 */
export function useSend(conversationId: string, after: () => Promise<void>, onRefused: () => void) {
  const api = useApi();
  const [busy, setBusy] = useState<'text' | 'upload' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const path = `/conversations/${encodeURIComponent(conversationId)}/messages`;

  const run = useCallback(
    async (kind: 'text' | 'upload', work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(kind);
      setError(null);
      try {
        await work();
        await after();
        return true;
      } catch (err) {
        setError(err);
        if (windowRefusal(err)) onRefused();
        return false;
      } finally {
        setBusy(null);
      }
    },
    [after, onRefused],
  );

  const send = useCallback((body: SendBody) => api.post<SendAccepted>(path, body), [api, path]);

  const sendText = useCallback((text: string) => run('text', () => send({ text })), [run, send]);

  const sendFile = useCallback(
    (file: File) =>
      run('upload', async () => {
        // Header values must be Latin-1, and customers' file names often are not.
        const uploaded = await api.upload<UploadedAttachment>('/attachments', file, {
          'x-file-name': encodeURIComponent(file.name),
        });
        const type = outgoingTypeOf(uploaded.mimeType || file.type);
        return send({ attachment: { type, attachmentId: uploaded.id } });
      }),
    [api, run, send],
  );

  const react = useCallback(
    async (messageId: string, love: boolean) => {
      // Instagram takes only 'love' from a business; null takes ours away.
      setError(null);
      try {
        await send({ reaction: { messageId, reaction: love ? 'love' : null } });
        await after();
      } catch (err) {
        setError(err);
      }
    },
    [send, after],
  );

  /** a failed message back to the queue (POST /messages/:id/retry) */
  const retry = useCallback(
    async (messageId: string) => {
      setError(null);
      try {
        await api.post<SendAccepted>(`/messages/${encodeURIComponent(messageId)}/retry`);
        await after();
      } catch (err) {
        setError(err);
      }
    },
    [api, after],
  );

  return { busy, error, clearError: () => setError(null), sendText, sendFile, react, retry };
}
