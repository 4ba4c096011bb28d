import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphCaller, startTestSimulator } from './testing.js';

describe('demo seed', () => {
  let t: Awaited<ReturnType<typeof startTestSimulator>>;
  beforeEach(async () => {
    t = await startTestSimulator();
  });
  afterEach(() => t.close());

  it('builds a shop with a dozen posts, comments and conversations in three languages', async () => {
    const seed = t.sim.seedDemo();
    expect(seed.media).toHaveLength(12);
    expect(new Set(seed.media.map((m) => m.mediaType))).toEqual(
      new Set(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']),
    );
    expect(t.sim.state.comments.size).toBeGreaterThanOrEqual(8);
    const texts = [...t.sim.state.messages.values()].map((m) => m.text ?? '').join(' ');
    expect(texts).toMatch(/[іїєґ]/); // Ukrainian
    expect(texts).toMatch(/[ыэъ]/); // Russian
    expect(texts).toMatch(/true to size/); // English
    expect(seed.account.subscribedFields).toContain('messages');
  });

  it('leaves one window open, one open for HUMAN_AGENT only and one closed', async () => {
    const seed = t.sim.seedDemo();
    const graph = graphCaller(t.sim, seed.accessToken);
    const send = (username: string, tag?: string) => {
      const igsid = t.sim.state.findCustomer(username)?.igsid ?? '';
      return graph.post(`/${seed.account.userId}/messages`, {
        recipient: { id: igsid },
        message: { text: 'Вітаємо!' },
        ...(tag ? { tag } : {}),
      });
    };
    expect((await send('olena.kravets')).status).toBe(200);
    expect((await send('emma.lindqvist')).body).toMatchObject({ error: { error_subcode: 2534022 } });
    expect((await send('emma.lindqvist', 'HUMAN_AGENT')).status).toBe(200);
    expect((await send('taras_bondar', 'HUMAN_AGENT')).body).toMatchObject({
      error: { error_subcode: 2534022 },
    });
  });

  it('is the same shop on every run and when seeded twice', () => {
    const first = t.sim.seedDemo();
    const again = t.sim.seedDemo();
    expect(again.account.userId).toBe(first.account.userId);
    expect(again.media.map((m) => m.id)).toEqual(first.media.map((m) => m.id));
    expect(again.accessToken).not.toBe(first.accessToken);
    expect(t.sim.state.accounts.size).toBe(1);
  });
});
