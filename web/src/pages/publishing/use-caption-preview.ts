import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../lib/session.js';
import type { CaptionPreview } from './types.js';

// Rendered by the server on every pause in typing, so the preview is exactly what publishing will
// produce (price formatting, hashtags, Instagram's counting). Answers to older text are dropped.
const delayMs = 250;

export interface PreviewRequest {
  /** the template body; null: nothing to preview */
  body: string | null;
  /** a stored product; absent: the server's sample product */
  productId?: string | undefined;
  locale?: string | undefined;
}

export function useCaptionPreview({ body, productId, locale }: PreviewRequest) {
  const api = useApi();
  const [preview, setPreview] = useState<CaptionPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const generation = useRef(0);

  useEffect(() => {
    const mine = ++generation.current;
    if (body === null) {
      setPreview(null);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = setTimeout(async () => {
      try {
        const result = await api.post<CaptionPreview>('/caption-templates/preview', {
          body,
          ...(productId ? { productId } : {}),
          ...(locale ? { locale } : {}),
        });
        if (mine !== generation.current) return;
        setPreview(result);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(err);
      } finally {
        if (mine === generation.current) setPending(false);
      }
    }, delayMs);
    return () => clearTimeout(timer);
  }, [api, body, productId, locale]);

  return { preview, error, pending };
}
