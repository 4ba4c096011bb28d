import { describe, expect, it } from 'vitest';
import { containerPlan, type MediaItem, postMedia } from './auto-post-media.js';

const img = (n: number): MediaItem => ({ type: 'image', url: `https://cdn.example/${n}.jpg` });
const video: MediaItem = { type: 'video', url: 'https://cdn.example/v.mp4' };
const urls = (n: number) => Array.from({ length: n }, (_, i) => `https://cdn.example/${i + 1}.jpg`);
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  return null;
};

describe('what a post publishes', () => {
  it('takes the product images when no media is given', () => {
    expect(postMedia('image', null, urls(3))).toEqual([img(1)]);
    expect(postMedia('story', null, urls(2))).toEqual([img(1)]);
    expect(postMedia('carousel', null, urls(12))).toHaveLength(10);
    expect(problem(() => postMedia('image', null, []))).toMatch(/the product has no images/);
    expect(problem(() => postMedia('image', null, null))).toMatch(/give media, or a product with images/);
    expect(problem(() => postMedia('carousel', null, urls(1)))).toMatch(/2 to 10 items \(it has 1\)/);
    expect(problem(() => postMedia('reel', null, urls(1)))).toMatch(/a reel is one video/);
  });

  it('checks explicit media against the type', () => {
    expect(postMedia('carousel', [img(1), video, img(2)], null)).toHaveLength(3);
    expect(postMedia('reel', [video], null)).toEqual([video]);
    expect(postMedia('story', [video], null)).toEqual([video]);
    expect(problem(() => postMedia('image', [img(1), img(2)], null))).toMatch(/exactly one image/);
    expect(problem(() => postMedia('image', [video], null))).toMatch(/published as a reel/);
    expect(problem(() => postMedia('carousel', Array(11).fill(img(1)), null))).toMatch(/it has 11/);
    expect(problem(() => postMedia('story', [img(1), img(2)], null))).toMatch(/one image or one video/);
  });

  it('plans the containers Meta needs for each type', () => {
    const carousel = containerPlan('carousel', [img(1), video], 'Два кольори', {
      coverUrl: null,
      shareToFeed: true,
    });
    expect(carousel.children).toEqual([
      { type: 'image', imageUrl: 'https://cdn.example/1.jpg', isCarouselItem: true },
      { type: 'video', videoUrl: 'https://cdn.example/v.mp4', isCarouselItem: true },
    ]);
    expect(carousel.main(['c1', 'c2'])).toEqual({
      type: 'carousel',
      children: ['c1', 'c2'],
      caption: 'Два кольори',
    });
    const reel = containerPlan('reel', [video], null, {
      coverUrl: 'https://cdn.example/c.jpg',
      shareToFeed: false,
    });
    expect(reel.main([])).toEqual({
      type: 'reels',
      videoUrl: 'https://cdn.example/v.mp4',
      caption: undefined,
      coverUrl: 'https://cdn.example/c.jpg',
      shareToFeed: false,
    });
    expect(containerPlan('story', [video], null, { coverUrl: null, shareToFeed: true }).main([])).toEqual({
      type: 'story',
      videoUrl: 'https://cdn.example/v.mp4',
    });
    expect(containerPlan('image', [img(1)], 'x', { coverUrl: null, shareToFeed: true }).children).toEqual([]);
  });
});
