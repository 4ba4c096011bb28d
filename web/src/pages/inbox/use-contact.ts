import { useCallback, useState } from 'react';
import { useApi } from '../../lib/session.js';
import { useQuery } from '../../lib/use-query.js';
import type { ContactSummary, ContactView } from './types.js';

/** The open conversation's contact in full, with notes and tags saved by PATCH. */
export function useContact(summary: ContactSummary, version: number) {
  const api = useApi();
  const path = `/contacts/${encodeURIComponent(summary.id)}`;
  // A profile fetched in the background (contact.updated) reloads the panel.
  const query = useQuery((a) => a.get<ContactView>(path), [path, version]);
  const [saved, setSaved] = useState<ContactView | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  const save = useCallback(
    async (patch: { notes?: string; tags?: string[] }): Promise<boolean> => {
      setSaving(true);
      setSaveError(null);
      try {
        const answer = await api.patch<ContactView | undefined>(path, patch);
        const fresh = answer?.id ? answer : await api.get<ContactView>(path);
        // Two quick saves (notes on blur, then a tag) may answer out of order: keep the newer.
        setSaved((prev) => (prev && prev.updatedAt > fresh.updatedAt ? prev : fresh));
        return true;
      } catch (error) {
        setSaveError(error);
        return false;
      } finally {
        setSaving(false);
      }
    },
    [api, path],
  );

  // The latest of the loaded copy and the saved one.
  const loaded = query.data;
  const data =
    saved && saved.id === loaded?.id && saved.updatedAt >= loaded.updatedAt ? saved : (loaded ?? null);
  return { data, error: query.error, reload: () => void query.reload(), save, saving, saveError };
}
