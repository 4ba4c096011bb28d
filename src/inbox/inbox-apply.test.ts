import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialects, type TestDatabase } from '../../test/support/db.js';
import { AccountRepository, type AccountRow } from '../accounts/account.repository.js';
import { newId, nowIso } from '../db/ids.js';
import { parseMetaDelivery } from '../providers/instagram/webhook-parser.js';
import type { EventRow } from '../webhooks/webhook-event.repository.js';
import { applyInboxOps } from './inbox-apply.js';
import { type InboxOp, toInboxOp } from './inbox-op.js';

// Every Instagram-Login webhook fixture through the real apply path, and the promise that
// duplicated and reordered deliveries end in the same state.

const BUSINESS = '17841405309211844';
const dir = join(import.meta.dirname, '../../test/fixtures/webhooks-ig-login');
const fixture = (name: string) => {
  const body = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
  return Array.isArray(body) ? body[0] : body;
};
const mid = (n: string) => `mid.${n}`;

function opsOf(body: unknown): InboxOp[] {
  return parseMetaDelivery(body, '2026-01-01T00:00:00.000Z').events.flatMap((e, i) => {
    const row = {
      id: `e${i}`,
      source: 'meta',
      kind: e.kind,
      field: e.field,
      external_id: e.externalId,
      sender_id: e.senderId,
      occurred_at: e.occurredAt,
      payload: JSON.stringify(e.payload),
    } as EventRow;
    const op = toInboxOp(row, BUSINESS);
    return op ? [op] : [];
  });
}

describe.each(dialects)('applying inbox operations on %s', (dialect) => {
  let tdb: TestDatabase;
  let n = 0;
  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
  });
  afterAll(() => tdb.drop());

  async function freshAccount(): Promise<AccountRow> {
    const workspaceId = newId();
    await tdb.db
      .insertInto('workspaces')
      .values({ id: workspaceId, name: 'w', timezone: 'UTC', created_at: nowIso(), human_agent_enabled: 0 })
      .execute();
    return new AccountRepository(tdb.db).create({
      workspace_id: workspaceId,
      provider: 'instagram',
      external_id: `${BUSINESS}${n++ ? `-${n}` : ''}`,
    });
  }
  const apply = (account: AccountRow, ops: InboxOp[]) =>
    applyInboxOps(tdb.db, dialect, { ...account, external_id: BUSINESS }, ops);
  const thread = (accountId: string) =>
    tdb.db
      .selectFrom('messages')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('external_id')
      .execute();
  const conversation = (accountId: string) =>
    tdb.db
      .selectFrom('conversations')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();

  it('turns every message fixture into the right message', async () => {
    const account = await freshAccount();
    const names = readdirSync(dir)
      .filter((f) => f.startsWith('message_') && !f.includes('reactions') && !f.includes('edit'))
      .map((f) => f.replace('.json', ''));
    for (const name of names) await apply(account, opsOf(fixture(name)));
    const rows = await thread(account.id);
    const byText = (t: string) => rows.find((r) => r.text === t);
    const withType = (type: string) => rows.find((r) => JSON.parse(r.attachments)[0]?.type === type);

    expect(byText('Hi! Is this still available?')).toMatchObject({
      direction: 'inbound',
      kind: 'text',
      sent_by: 'customer',
    });
    for (const type of [
      'image',
      'video',
      'audio',
      'file',
      'share',
      'ig_reel',
      'reel',
      'ig_post',
      'story',
      'media',
    ]) {
      const row = withType(type);
      expect(row, type).toMatchObject({ kind: 'attachment', direction: 'inbound' });
      expect(JSON.parse(row?.attachments ?? '[]')[0].sourceUrl).toMatch(/^https:\/\/lookaside\.fbsbx\.com\//);
    }
    expect(withType('story_mention')?.kind).toBe('story_mention');
    expect(rows.find((r) => r.kind === 'unsupported')).toBeDefined();
    expect(byText('Yes, it is! Which size do you need?')).toMatchObject({
      direction: 'outbound',
      sent_by: 'instagram_app',
      status: 'sent',
    });
    expect(byText('Love this look!')).toMatchObject({ kind: 'story_reply' });
    expect(JSON.parse(byText('Love this look!')?.reply_to ?? '{}')).toEqual({
      story: { id: '17952683714873429', url: expect.stringContaining('lookaside') },
    });
    expect(JSON.parse(byText('Yes, that one please')?.reply_to ?? '{}').mid).toMatch(/^aWdf/);
    expect(byText('Medium')?.quick_reply_payload).toBe('SIZE_MEDIUM');
    expect(JSON.parse(byText('Hi, I saw your ad')?.referral ?? '{}').ad_id).toBe('120208734519870123');
    // Unsent before we ever saw it: kept as a deleted message without content.
    const gone = rows.find((r) => r.is_deleted === 1);
    expect(gone).toMatchObject({ text: null, complete: 0, attachments: '[]' });

    const c = await conversation(account.id);
    expect(JSON.parse(c.attribution ?? '{}').ad_id).toBe('120208734519870123');
    expect(c.unread_count).toBe(rows.filter((r) => r.direction === 'inbound' && r.is_deleted === 0).length);
    expect(c.last_customer_at).toBe('2025-06-03T12:25:18.987Z');
  });

  it('puts reactions on their message, edits its text and marks our messages read', async () => {
    const account = await freshAccount();
    for (const name of ['message_text', 'message_echo', 'message_reactions_react', 'message_edit']) {
      await apply(account, opsOf(fixture(name)));
    }
    const pair = async () => {
      const rows = await thread(account.id);
      return [rows.find((r) => r.direction === 'outbound'), rows.find((r) => r.direction === 'inbound')];
    };
    let [echo, text] = await pair();
    expect(text).toMatchObject({ text: 'Hi! Is the blue one still available?', edit_count: 1 });
    const reactions = await tdb.db.selectFrom('message_reactions').selectAll().execute();
    expect(reactions.find((r) => r.message_external_id === text?.external_id)).toMatchObject({
      actor: 'customer',
      reaction: 'love',
      emoji: '❤️',
    });
    // The receipt names the echo's mid, so the echo counts as read from then on.
    await apply(account, opsOf(fixture('messaging_seen')));
    expect((await conversation(account.id)).customer_read_at).toBe(echo?.created_at);
    await apply(account, opsOf(fixture('message_reactions_unreact')));
    [echo, text] = await pair();
    const after = await tdb.db
      .selectFrom('message_reactions')
      .selectAll()
      .where('message_external_id', '=', text?.external_id ?? '')
      .execute();
    // The unreact fixture has the same timestamp as the react one: the later delivery wins a tie.
    expect(after[0]?.reaction).toBeNull();
  });

  it('keeps a postback as the button tapped and an ig.me referral as attribution only', async () => {
    const account = await freshAccount();
    await apply(account, opsOf(fixture('messaging_referral_igme')));
    expect(await thread(account.id)).toHaveLength(0);
    const c = await conversation(account.id);
    expect(JSON.parse(c.attribution ?? '{}')).toMatchObject({ ref: 'summer_promo' });
    expect(c.last_customer_at).not.toBeNull();
    await apply(account, opsOf(fixture('messaging_postbacks')));
    expect((await thread(account.id))[0]).toMatchObject({
      kind: 'postback',
      text: 'What are your opening hours?',
      postback_payload: 'ICEBREAKER_OPENING_HOURS',
    });
  });

  it('ends in the same state for any order and any number of repeats', async () => {
    const at = (s: number) => Date.UTC(2026, 0, 1, 10, 0, s);
    const ev = (s: number, body: Record<string, unknown>, fromBusiness = false) => ({
      object: 'instagram',
      entry: [
        {
          id: BUSINESS,
          time: at(s),
          messaging: [
            {
              sender: { id: fromBusiness ? BUSINESS : '6983345578376412' },
              recipient: { id: fromBusiness ? '6983345578376412' : BUSINESS },
              timestamp: at(s),
              ...body,
            },
          ],
        },
      ],
    });
    const story = [
      ev(1, { message: { mid: mid('a'), text: 'first' } }),
      ev(2, { message: { mid: mid('b'), text: 'typo' } }),
      ev(3, { message: { mid: mid('c'), text: 'answer', is_echo: true } }, true),
      ev(4, { message_edit: { mid: mid('b'), text: 'fixed', num_edit: 1 } }),
      ev(5, { reaction: { mid: mid('c'), action: 'react', reaction: 'love', emoji: '❤️' } }),
      ev(6, { read: { mid: mid('c') } }),
      ev(7, { message: { mid: mid('a'), is_deleted: true } }),
      ev(8, { message_edit: { mid: mid('b'), text: 'fixed twice', num_edit: 2 } }),
    ].map(opsOf);
    const orders = [
      story,
      [...story].reverse(),
      [story[6], story[7], story[3], story[4], story[0], story[5], story[2], story[1]],
      [...story, ...story.slice(0, 4)],
    ];
    const states: unknown[] = [];
    for (const order of orders) {
      const account = await freshAccount();
      for (const ops of order) await apply(account, ops as InboxOp[]);
      const rows = await thread(account.id);
      const c = await conversation(account.id);
      states.push({
        messages: rows.map((r) => [
          r.external_id,
          r.text,
          r.is_deleted,
          r.edit_count,
          r.created_at,
          r.direction,
        ]),
        conversation: [
          c.last_message_at,
          c.last_customer_at,
          c.customer_read_at,
          c.unread_count,
          c.last_message_preview,
        ],
      });
    }
    expect(states[0]).toMatchObject({
      messages: [
        [mid('a'), null, 1, 0, new Date(at(1)).toISOString(), 'inbound'],
        [mid('b'), 'fixed twice', 0, 2, new Date(at(2)).toISOString(), 'inbound'],
        [mid('c'), 'answer', 0, 0, new Date(at(3)).toISOString(), 'outbound'],
      ],
    });
    for (const s of states.slice(1)) expect(s).toEqual(states[0]);
  });
});
