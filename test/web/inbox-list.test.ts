import { describe, expect, it } from 'vitest';
import { dictionaries, type TFunction, translate } from '../../web/src/i18n/core.js';
import { attributionText } from '../../web/src/pages/inbox/contact-info.js';
import {
  appendPage,
  compareConversations,
  contactHandle,
  contactLabel,
  previewText,
  upsertConversation,
} from '../../web/src/pages/inbox/conversation-list.js';
import {
  defaultFilters,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  matchesFilters,
} from '../../web/src/pages/inbox/filters.js';
import { addTags, parseTags, removeTag } from '../../web/src/pages/inbox/tags.js';
import type { ConversationView } from '../../web/src/pages/inbox/types.js';

// The conversation list's pure logic: filters in the address, the server's order kept when
// live events bring single rows, labels and previews. The page itself: test/e2e/inbox.e2e.test.ts.

const tIn =
  (lang: 'en' | 'ru' | 'uk'): TFunction =>
  (key, vars) =>
    translate(dictionaries[lang], key, vars);
const t = tIn('en');

function conv(id: string, over: Partial<ConversationView> = {}): ConversationView {
  return {
    id,
    accountId: 'acc-1',
    provider: 'instagram',
    contact: {
      id: `ct-${id}`,
      igsid: '5511223344556677',
      username: 'olena.kravets',
      name: null,
      profilePicUrl: null,
    },
    status: 'open',
    assigneeId: null,
    unreadCount: 0,
    lastMessageAt: '2026-11-22T10:00:00.000Z',
    lastMessage: { id: `m-${id}`, direction: 'inbound', preview: 'Hello' },
    windowExpiresAt: null,
    humanAgentExpiresAt: null,
    attribution: null,
    automation: { pausedUntil: null, pausedBy: null, optedOutAt: null },
    createdAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}
const ids = (list: ConversationView[]) => list.map((c) => c.id);

describe('inbox filters in the address', () => {
  it('defaults to open conversations and round-trips every filter', () => {
    expect(filtersFromSearch('')).toEqual(defaultFilters);
    const f = { account: 'acc-2', status: 'closed' as const, unread: true, q: 'olena' };
    expect(filtersToSearch(f)).toBe('?account=acc-2&status=closed&unread=true&q=olena');
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(filtersToSearch(defaultFilters)).toBe('');
  });

  it('ignores values the server would refuse', () => {
    expect(filtersFromSearch('?status=spam&unread=yes')).toEqual(defaultFilters);
    expect(filtersFromSearch(`?q=${'x'.repeat(150)}`).q).toHaveLength(100);
  });

  it('asks the server for all statuses when "all" is chosen, and trims the search', () => {
    expect(filtersToQuery({ account: '', status: 'all', unread: false, q: '  ' })).toEqual({
      accountId: undefined,
      status: undefined,
      unread: undefined,
      q: undefined,
    });
    expect(filtersToQuery({ account: 'a', status: 'open', unread: true, q: ' ol ' })).toEqual({
      accountId: 'a',
      status: 'open',
      unread: 'true',
      q: 'ol',
    });
  });

  it('decides whether a live update belongs in the filtered list', () => {
    const open = { ...defaultFilters };
    expect(matchesFilters(conv('a'), open, false)).toBe(true);
    expect(matchesFilters(conv('a', { status: 'closed' }), open, true)).toBe(false);
    expect(matchesFilters(conv('a'), { ...open, account: 'acc-2' }, true)).toBe(false);
    // A row the operator just read stays put under "unread only"; a read one does not join it.
    expect(matchesFilters(conv('a'), { ...open, unread: true }, true)).toBe(true);
    expect(matchesFilters(conv('a'), { ...open, unread: true }, false)).toBe(false);
    expect(matchesFilters(conv('a', { unreadCount: 1 }), { ...open, unread: true }, false)).toBe(true);
    // Only the server knows what a search matches.
    expect(matchesFilters(conv('a'), { ...open, q: 'ol' }, false)).toBe(false);
    expect(matchesFilters(conv('a'), { ...open, q: 'ol' }, true)).toBe(true);
  });
});

describe('conversation order and live updates', () => {
  const at = (h: number) => `2026-11-22T${String(h).padStart(2, '0')}:00:00.000Z`;

  it('puts unread first, then the newest activity', () => {
    const list = [
      conv('old', { lastMessageAt: at(8) }),
      conv('unread-old', { lastMessageAt: at(7), unreadCount: 2 }),
      conv('new', { lastMessageAt: at(11) }),
      conv('never', { lastMessageAt: null, createdAt: at(9) }),
    ].sort(compareConversations);
    expect(ids(list)).toEqual(['unread-old', 'new', 'never', 'old']);
  });

  it('moves a conversation with a new message to the top, without duplicating it', () => {
    const list = [conv('a', { lastMessageAt: at(10) }), conv('b', { lastMessageAt: at(9) })];
    const next = upsertConversation(list, conv('b', { lastMessageAt: at(12), unreadCount: 1 }), {
      keep: true,
      hasMore: false,
    });
    expect(ids(next)).toEqual(['b', 'a']);
    expect(next[0]?.unreadCount).toBe(1);
  });

  it('adds a new conversation in place and removes one that left the filter', () => {
    const list = [conv('a', { lastMessageAt: at(12) }), conv('c', { lastMessageAt: at(8) })];
    expect(
      ids(upsertConversation(list, conv('b', { lastMessageAt: at(10) }), { keep: true, hasMore: false })),
    ).toEqual(['a', 'b', 'c']);
    expect(ids(upsertConversation(list, conv('a'), { keep: false, hasMore: false }))).toEqual(['c']);
  });

  it('leaves a row that sorts past the loaded pages for "load more"', () => {
    const list = [conv('a', { lastMessageAt: at(12) }), conv('b', { lastMessageAt: at(10) })];
    const older = conv('z', { lastMessageAt: at(3) });
    expect(ids(upsertConversation(list, older, { keep: true, hasMore: true }))).toEqual(['a', 'b']);
    expect(ids(upsertConversation(list, older, { keep: true, hasMore: false }))).toEqual(['a', 'b', 'z']);
  });

  it('appends a further page without rows already shown', () => {
    expect(ids(appendPage([conv('a'), conv('b')], [conv('b'), conv('c')]))).toEqual(['a', 'b', 'c']);
  });
});

describe('labels and previews', () => {
  it('names a contact by name, then @username, then IGSID', () => {
    const c = { name: 'Олена Кравець', username: 'olena.kravets', igsid: '1' };
    expect(contactLabel(c)).toBe('Олена Кравець');
    expect(contactLabel({ ...c, name: ' ' })).toBe('@olena.kravets');
    expect(contactLabel({ ...c, name: null, username: null })).toBe('1');
    expect(contactHandle({ username: '@taras_bondar' })).toBe('@taras_bondar');
    // A Chatrace name with spaces is not an Instagram handle.
    expect(contactHandle({ username: 'Lumen Studio' })).toBe('Lumen Studio');
  });

  it('previews the last message, marking our own and naming attachments', () => {
    expect(
      previewText(t, conv('a', { lastMessage: { id: 'm', direction: 'inbound', preview: 'Є  в\nS?' } })),
    ).toBe('Є в S?');
    expect(
      previewText(t, conv('a', { lastMessage: { id: 'm', direction: 'outbound', preview: 'Так' } })),
    ).toBe('You: Так');
    expect(
      previewText(tIn('uk'), conv('a', { lastMessage: { id: 'm', direction: 'outbound', preview: '' } })),
    ).toBe('Ви: Вкладення');
    expect(previewText(tIn('ru'), conv('a', { lastMessage: null }))).toBe('Сообщений пока нет');
  });

  it('says where the customer came from, for ads and ig.me links (Meta fixtures)', () => {
    const ad = {
      ref: 'spring_sale_ctd',
      ad_id: '120208734519870123',
      source: 'ADS',
      type: 'OPEN_THREAD',
      ads_context_data: { ad_title: 'Spring Sale - 20% off' },
    };
    expect(attributionText(t, ad)).toBe('The ad “Spring Sale - 20% off”');
    expect(attributionText(tIn('ru'), { source: 'ADS', adId: '1' })).toBe('Реклама');
    const igme = {
      ref: 'summer_promo',
      source: 'https://ig.me/m/jane.doe.designs?ref=summer_promo',
      type: 'OPEN_THREAD',
    };
    expect(attributionText(tIn('uk'), igme)).toBe('Посилання ig.me (ref: summer_promo)');
    expect(attributionText(t, null)).toBeNull();
  });
});

describe('contact tags', () => {
  it('splits on commas, drops # and blanks', () => {
    expect(parseTags(' #vip, , опт ,##new')).toEqual(['vip', 'опт', 'new']);
  });

  it('adds only tags not already there, whatever their case, and removes one', () => {
    expect(addTags(['VIP'], 'vip, Львів')).toEqual(['VIP', 'Львів']);
    expect(
      addTags(
        Array.from({ length: 50 }, (_, i) => `t${i}`),
        'one-more',
      ),
    ).toHaveLength(50);
    expect(removeTag(['a', 'b'], 'a')).toEqual(['b']);
  });
});
