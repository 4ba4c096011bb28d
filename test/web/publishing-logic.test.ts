import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMessageKey } from '../../web/src/i18n/core.js';
import {
  captionFits,
  captionMeters,
  literalTemplate,
  meterState,
} from '../../web/src/pages/publishing/caption-meter.js';
import {
  captionExcerpt,
  parseCommentEvent,
  planComments,
  postKind,
  thumbnailOf,
  visibleThreads,
} from '../../web/src/pages/publishing/gallery.js';
import {
  postActions,
  postProblem,
  publishErrorCodes,
  statusTone,
} from '../../web/src/pages/publishing/post-status.js';
import { autoPostStatuses } from '../../web/src/pages/publishing/schedule-types.js';
import { isFinished, syncStatus, withProgress } from '../../web/src/pages/publishing/sync.js';
import { customFieldNames, insertVariable } from '../../web/src/pages/publishing/template-vars.js';
import type { CommentThread, PostView, SyncResult } from '../../web/src/pages/publishing/types.js';

describe('caption limits', () => {
  it('turns amber at 90 % of a limit and red past it', () => {
    expect(meterState(1979, 2200)).toBe('ok');
    expect(meterState(1980, 2200)).toBe('near');
    expect(meterState(2200, 2200)).toBe('near');
    expect(meterState(2201, 2200)).toBe('over');
    const meters = captionMeters({ length: 2300, hashtagCount: 27, mentionCount: 3 });
    expect(meters.map((m) => [m.kind, m.actual, m.limit, m.state, m.percent])).toEqual([
      ['length', 2300, 2200, 'over', 100],
      ['hashtags', 27, 30, 'near', 90],
      ['mentions', 3, 20, 'ok', 15],
    ]);
    expect(captionFits(meters)).toBe(false);
    expect(captionFits(captionMeters({ length: 2200, hashtagCount: 30, mentionCount: 20 }))).toBe(true);
  });

  it('previews a plain caption as a template that renders to itself', () => {
    expect(literalTemplate('Знижка {50%} до }неділі{')).toBe('Знижка {{50%}} до }}неділі{{');
    expect(literalTemplate('no braces')).toBe('no braces');
  });
});

describe('template variables', () => {
  it('offers the catalogue’s custom fields, each once, not the built-in names', () => {
    const products: { customFields: Record<string, string> }[] = [
      { customFields: { розмір: 'S', колір: 'шавлія' } },
      { customFields: { колір: 'льон' } },
    ];
    expect(customFieldNames([...products, { customFields: { hashtags: 'x' } }], 'uk')).toEqual([
      'колір',
      'розмір',
    ]);
  });

  it('inserts a variable in place of the selection and puts the cursor after it', () => {
    expect(insertVariable('🎁  - ₴', 3, 3, 'product_name')).toEqual({
      text: '🎁 {product_name} - ₴',
      cursor: 17,
    });
    expect(insertVariable('Price: XX', 7, 9, 'product_price')).toEqual({
      text: 'Price: {product_price}',
      cursor: 22,
    });
    expect(insertVariable('abc', 10, 12, 'hashtags').text).toBe('abc{hashtags}');
  });
});

const post = (over: Partial<PostView>): PostView => ({
  id: 'p',
  accountId: 'a',
  igMediaId: '1',
  mediaType: 'IMAGE',
  mediaProductType: 'FEED',
  caption: null,
  permalink: null,
  mediaUrl: 'https://cdn/img.jpg',
  thumbnailUrl: null,
  timestamp: '2026-12-01T10:00:00Z',
  likeCount: 0,
  commentsCount: 0,
  children: [],
  syncedAt: '2026-12-01T10:00:00Z',
  ...over,
});

describe('gallery', () => {
  it('names the kind of each media and picks a picture for its card', () => {
    expect(postKind(post({}))).toBe('photo');
    const reel = post({
      mediaType: 'VIDEO',
      mediaProductType: 'REELS',
      mediaUrl: 'https://cdn/r.mp4',
      thumbnailUrl: 'https://cdn/r.jpg',
    });
    expect([postKind(reel), thumbnailOf(reel)]).toEqual(['reel', 'https://cdn/r.jpg']);
    expect(postKind(post({ mediaType: 'VIDEO', mediaProductType: 'STORY' }))).toBe('story');
    expect(thumbnailOf(post({ mediaType: 'VIDEO', mediaUrl: 'https://cdn/v.mp4' }))).toBeNull();
    const album = post({
      mediaType: 'CAROUSEL_ALBUM',
      mediaUrl: null,
      children: [
        {
          igMediaId: '2',
          mediaType: 'VIDEO',
          mediaUrl: 'https://cdn/c.mp4',
          thumbnailUrl: null,
          permalink: null,
        },
        {
          igMediaId: '3',
          mediaType: 'IMAGE',
          mediaUrl: 'https://cdn/c2.jpg',
          thumbnailUrl: null,
          permalink: null,
        },
      ],
    });
    expect([postKind(album), thumbnailOf(album)]).toEqual(['carousel', 'https://cdn/c2.jpg']);
  });

  it('shortens a caption without cutting an emoji in half', () => {
    expect(captionExcerpt('Нова\n\nколекція   🌿', 50)).toBe('Нова колекція 🌿');
    expect(captionExcerpt('ab🌿🌿🌿', 4)).toBe('ab🌿…');
    expect(captionExcerpt(null)).toBe('');
  });

  it('hides deleted comments and shows replies oldest first', () => {
    const c = (id: string, timestamp: string, deleted = false) =>
      ({ id, timestamp, deleted }) as CommentThread;
    const threads = [
      {
        ...c('1', '2026-12-02T10:00:00Z'),
        replies: [
          c('r2', '2026-12-02T12:00:00Z'),
          c('r1', '2026-12-02T11:00:00Z'),
          c('r3', '2026-12-02T13:00:00Z', true),
        ],
      },
      { ...c('2', '2026-12-01T10:00:00Z', true), replies: [] },
    ];
    const shown = visibleThreads(threads);
    expect(shown.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([['1', ['r1', 'r2']]]);
  });

  it('reloads the open post’s comments and marks customers’ new comments elsewhere', () => {
    const ev = (postId: string | null, igMediaId: string, fromSelf = false, type = 'comment.created') =>
      parseCommentEvent(type, { id: `c-${postId}`, postId, igMediaId, fromSelf, text: 'x' });
    expect(parseCommentEvent('message.created', { id: 'x', igMediaId: '1' })).toBeNull();
    expect(parseCommentEvent('comment.created', { id: 'x' })).toBeNull();
    const events = [
      ev('p1', 'm1'),
      ev('p2', 'm2'),
      ev('p2', 'm2'),
      ev('p3', 'm3', true),
      ev('p4', 'm4', false, 'comment.updated'),
      ev(null, 'm1'),
    ].flatMap((e) => (e ? [e] : []));
    const plan = planComments(events, { id: 'p1', igMediaId: 'm1' });
    expect(plan.reloadOpen).toBe(true);
    expect([...plan.fresh]).toEqual([['p2', 2]]);
    expect(planComments(events.slice(1), null).reloadOpen).toBe(false);
  });
});

describe('media sync', () => {
  const result: SyncResult = {
    mode: 'full',
    pages: 1,
    seen: 12,
    created: 2,
    updated: 1,
    removed: 0,
    truncated: false,
    commentPosts: 1,
    commentsImported: 3,
  };

  it('follows the job from the queue to its result', () => {
    expect(syncStatus({ state: 'waiting', progress: 0, lastResult: null }).phase).toBe('queued');
    // lastResult is the previous sync's until this one completes: not shown while running
    expect(syncStatus({ state: 'active', progress: 40, lastResult: result })).toEqual({
      phase: 'running',
      progress: 40,
      result: null,
      error: null,
    });
    expect(syncStatus({ state: 'completed', progress: 100, lastResult: result })).toEqual({
      phase: 'done',
      progress: 100,
      result,
      error: null,
    });
  });

  it('tells a failure the queue retries from a final one', () => {
    const failed = { ...result, error: 'Instagram did not answer', errorKind: 'transient' };
    expect(syncStatus({ state: 'delayed', progress: 30, lastResult: failed })).toMatchObject({
      phase: 'retrying',
      error: 'Instagram did not answer',
    });
    expect(syncStatus({ state: 'dead', progress: 30, lastResult: failed }).phase).toBe('failed');
    const refused = { ...result, error: 'Instagram refused the access token', errorKind: 'token_invalid' };
    expect(syncStatus({ state: 'completed', progress: 100, lastResult: refused })).toMatchObject({
      phase: 'failed',
      error: 'Instagram refused the access token',
    });
  });

  it('moves the bar with live progress, never back and never after the end', () => {
    const running = syncStatus({ state: 'active', progress: 50, lastResult: null });
    expect(withProgress(running, 70).progress).toBe(70);
    expect(withProgress(running, 20).progress).toBe(50);
    expect(withProgress(syncStatus({ state: 'waiting', progress: 0, lastResult: null }), 10).phase).toBe(
      'running',
    );
    const done = syncStatus({ state: 'completed', progress: 100, lastResult: result });
    expect(withProgress(done, 10)).toBe(done);
    expect(isFinished(done)).toBe(true);
  });
});

describe('scheduled post status', () => {
  it('gives every status a tone and allows changes only while pending', () => {
    expect(Object.keys(statusTone).sort()).toEqual([...autoPostStatuses].sort());
    expect(postActions({ status: 'pending' })).toEqual({
      cancel: true,
      reschedule: true,
      edit: true,
      publishNow: true,
      remove: true,
    });
    expect(postActions({ status: 'held' })).toMatchObject({
      cancel: true,
      reschedule: false,
      publishNow: true,
    });
    expect(postActions({ status: 'failed' })).toMatchObject({
      cancel: false,
      publishNow: true,
      remove: true,
    });
    expect(postActions({ status: 'publishing' })).toEqual({
      cancel: false,
      reschedule: false,
      edit: false,
      publishNow: false,
      remove: false,
    });
    expect(postActions({ status: 'published' })).toMatchObject({ publishNow: false, remove: true });
  });

  it('explains a failure by its code and keeps the server’s details', () => {
    expect(
      postProblem({
        errorCode: 'media_rejected',
        errorMessage: 'Instagram could not fetch the media from its URL (Instagram said: …)',
      }),
    ).toEqual({
      code: 'media_rejected',
      detail: 'Instagram could not fetch the media from its URL (Instagram said: …)',
    });
    expect(postProblem({ errorCode: 'something_new', errorMessage: 'A new reason' })).toEqual({
      code: null,
      detail: 'A new reason',
    });
    expect(postProblem({ errorCode: null, errorMessage: null })).toBeNull();
  });

  it('knows every reason docs/errors.md says a post can fail, be held or skipped with', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Why a post failed')).split(/\n## /)[0] ?? '';
    const tableCodes = [...section.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((c) => c[1]),
    );
    // "Besides `token_invalid` (the account is then marked `token_expired`), …": the parenthesis names a status
    const besides = [
      ...(/Besides ([^:]+):/.exec(section)?.[1] ?? '').replace(/\([^)]*\)/g, '').matchAll(/`([a-z_]+)`/g),
    ].map((c) => c[1]);
    const documented = [...new Set([...tableCodes, ...besides])];
    expect(documented.length).toBeGreaterThan(10);
    expect(documented.filter((c) => !(publishErrorCodes as readonly string[]).includes(c ?? ''))).toEqual([]);
  });

  it('has a sentence for every code a publishing run stores, and for every status', () => {
    expect(publishErrorCodes.filter((c) => !isMessageKey(`pub.problem.${c}`))).toEqual([]);
    expect(autoPostStatuses.filter((s) => !isMessageKey(`pub.status.${s}`))).toEqual([]);
  });
});
