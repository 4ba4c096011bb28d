import type { SimContext } from './context.js';
import { noise } from './insight-catalog.js';
import type { SimAccount, SimMedia } from './types.js';

// An account with a past: it has existed for `days` days (so account insights exist for each of
// them, see insights.ts) and posted every two to four days, photos, carousels and reels mixed,
// with like counts that vary deterministically. For statistics pages and their tests.

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const CAPTIONS = [
  'New arrivals this week 🌿',
  'Behind the scenes in the workshop',
  'Back in stock — DM us for sizes',
  'Three ways to wear it ✨',
  'Customer photos 💛',
  'Weekend sale: −15% with code SPRING15',
];

export function seedHistory(sim: SimContext, account: SimAccount, days: number): SimMedia[] {
  const now = sim.clock();
  account.createdAt = Math.min(account.createdAt, now - days * DAY);
  const media: SimMedia[] = [];
  let n = 0;
  for (let ago = days - 1; ago >= 1; ago -= 2 + Math.floor(noise(`${account.userId}:gap:${ago}`) * 3)) {
    const key = `${account.userId}:history:${n}`;
    const base = {
      accountId: account.userId,
      timestamp: now - ago * DAY - Math.floor(noise(`${key}:hour`) * 10) * HOUR,
      likeCount: 20 + Math.floor(noise(`${key}:likes`) * 300),
      commentsEnabled: true,
      isCarouselChild: false,
    };
    const caption = CAPTIONS[n % CAPTIONS.length];
    const image = `/__sim/img/history-${account.username}-${n}.svg`;
    if (n % 5 === 4) {
      media.push(
        sim.state.addMedia({
          ...base,
          mediaType: 'VIDEO',
          productType: 'REELS',
          caption,
          mediaUrl: `/__sim/img/history-${account.username}-${n}.mp4`,
          thumbnailUrl: image,
          children: [],
        }),
      );
    } else if (n % 4 === 3) {
      const children = [1, 2].map(
        (i) =>
          sim.state.addMedia({
            ...base,
            mediaType: 'IMAGE',
            productType: 'FEED',
            mediaUrl: `/__sim/img/history-${account.username}-${n}-${i}.svg`,
            children: [],
            isCarouselChild: true,
          }).id,
      );
      media.push(
        sim.state.addMedia({
          ...base,
          mediaType: 'CAROUSEL_ALBUM',
          productType: 'FEED',
          caption,
          mediaUrl: image,
          children,
        }),
      );
    } else {
      media.push(
        sim.state.addMedia({
          ...base,
          mediaType: 'IMAGE',
          productType: 'FEED',
          caption,
          mediaUrl: image,
          children: [],
        }),
      );
    }
    n++;
  }
  return media;
}
