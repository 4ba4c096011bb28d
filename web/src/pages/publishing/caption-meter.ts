import type { CaptionPreview } from './types.js';

// The caption's counts against Instagram's limits ("Maximum 2200 characters, 30 hashtags, and 20
// @ tags", caption of POST /<IG_ID>/media). The server counts (src/products/caption-limits.ts);
// the editor shows each count as a meter that turns amber close to the limit and red past it.

export const captionLimits = { length: 2200, hashtags: 30, mentions: 20 } as const;

export type MeterKind = keyof typeof captionLimits;
export type MeterState = 'ok' | 'near' | 'over';

export interface Meter {
  kind: MeterKind;
  actual: number;
  limit: number;
  state: MeterState;
  /** 0..100, for the bar */
  percent: number;
}

/** amber from this share of a limit on, so there is room to act before a post is refused */
const nearShare = 0.9;

export function meterState(actual: number, limit: number): MeterState {
  if (actual > limit) return 'over';
  return actual >= limit * nearShare ? 'near' : 'ok';
}

export function captionMeters(p: Pick<CaptionPreview, 'length' | 'hashtagCount' | 'mentionCount'>): Meter[] {
  const counts: Record<MeterKind, number> = {
    length: p.length,
    hashtags: p.hashtagCount,
    mentions: p.mentionCount,
  };
  return (Object.keys(captionLimits) as MeterKind[]).map((kind) => {
    const limit = captionLimits[kind];
    const actual = counts[kind];
    return {
      kind,
      actual,
      limit,
      state: meterState(actual, limit),
      percent: Math.min(100, Math.round((actual / limit) * 100)),
    };
  });
}

/** whether the caption can be published as it is */
export function captionFits(meters: readonly Meter[]): boolean {
  return meters.every((m) => m.state !== 'over');
}

/**
 * A literal caption as a template that renders to exactly itself (braces doubled, the way
 * str.format escapes them), so the server's preview counts an own caption with the same rules.
 */
export function literalTemplate(caption: string): string {
  return caption.replace(/[{}]/g, (brace) => brace + brace);
}
