import type { SimContext, SimSettings } from './context.js';
import {
  type CustomerMessageInput,
  customerComments,
  customerMentions,
  customerReacts,
  customerReads,
  customerSends,
} from './customer-events.js';
import { type DemoSeed, seedDemo } from './demo-seed.js';
import type { Faults } from './faults.js';
import { seedHistory } from './history-seed.js';
import { snapshot } from './snapshot.js';
import type { SimState } from './state.js';
import { type StoryInsightsInput, storyInsights } from './story-insights.js';
import type { Permission, RecordedCall, SimAccount, SimMedia, TokenKind } from './types.js';
import type { WebhookOutbox } from './webhooks.js';

/** What tests, the demo and `relaydesk simulate` drive in-process (the HTTP twin is /__sim/). */
export interface SimulatorApi {
  /** base URL (throws before start() unless `publicUrl` was given) */
  readonly url: string;
  readonly app: { id: string; secret: string };
  readonly state: SimState;
  readonly faults: Faults;
  readonly webhooks: WebhookOutbox;
  readonly settings: SimSettings;
  /** the simulator's clock (epoch ms) */
  now(): number;
  /** moves the built-in clock forward (not available with an injected clock) */
  advanceTime(ms: number): void;
  /** the values for INSTAGRAM_GRAPH_URL, INSTAGRAM_OAUTH_AUTHORIZE_URL, INSTAGRAM_OAUTH_TOKEN_URL */
  endpoints(): { graphUrl: string; apiVersion: string; authorizeUrl: string; tokenUrl: string };
  /**
   * a professional account with a token (long-lived by default); `historyDays` makes it that many
   * days old, with insights for every one of them and a post every few days (history-seed.ts)
   */
  createAccount(
    input?: Partial<Omit<SimAccount, 'createdAt'>> & {
      tokenKind?: TokenKind;
      permissions?: Permission[];
      historyDays?: number;
    },
  ): { account: SimAccount; accessToken: string; media: SimMedia[] };
  customerSends(input: CustomerMessageInput): ReturnType<typeof customerSends>;
  customerReacts(input: Parameters<typeof customerReacts>[1]): ReturnType<typeof customerReacts>;
  customerReads(input: Parameters<typeof customerReads>[1]): ReturnType<typeof customerReads>;
  customerComments(input: Parameters<typeof customerComments>[1]): ReturnType<typeof customerComments>;
  customerMentions(input: Parameters<typeof customerMentions>[1]): ReturnType<typeof customerMentions>;
  /** a story expires: the `story_insights` webhook with its metrics (under 5 sent as -1) */
  storyInsights(input?: StoryInsightsInput): ReturnType<typeof storyInsights>;
  /** a believable shop with posts, comments, customers and conversations */
  seedDemo(opts?: { subscribe?: boolean }): DemoSeed;
  /** recorded Graph/OAuth calls (secrets redacted), optionally filtered */
  calls(filter?: { method?: string; path?: string | RegExp }): RecordedCall[];
  clearCalls(): void;
  /** the whole state as JSON-friendly data, tokens redacted (what GET /__sim/state returns) */
  snapshot(): ReturnType<typeof snapshot>;
}

export function createSimulatorApi(
  ctx: SimContext,
  url: () => string,
  advance: (ms: number) => void,
): SimulatorApi {
  const { state } = ctx;
  return {
    get url() {
      return url();
    },
    app: ctx.app,
    state,
    faults: ctx.faults,
    webhooks: ctx.webhooks,
    settings: ctx.settings,
    now: () => ctx.clock(),
    advanceTime: advance,
    endpoints: () => ({
      graphUrl: url(),
      apiVersion: ctx.settings.apiVersion,
      authorizeUrl: `${url()}/oauth/authorize`,
      tokenUrl: `${url()}/oauth/access_token`,
    }),
    createAccount(input = {}) {
      const { tokenKind, permissions, historyDays, ...fields } = input;
      const account = state.createAccount(fields);
      const media = historyDays ? seedHistory(ctx, account, historyDays) : [];
      return {
        account,
        accessToken: state.issueToken(account.userId, tokenKind ?? 'long', permissions).token,
        media,
      };
    },
    customerSends: (input) => customerSends(ctx, input),
    customerReacts: (input) => customerReacts(ctx, input),
    customerReads: (input) => customerReads(ctx, input),
    customerComments: (input) => customerComments(ctx, input),
    customerMentions: (input) => customerMentions(ctx, input),
    storyInsights: (input = {}) => storyInsights(ctx, input),
    seedDemo: (opts) => seedDemo(ctx, opts),
    calls(filter = {}) {
      const pattern = typeof filter.path === 'string' ? new RegExp(filter.path) : filter.path;
      return state.calls.filter(
        (c) =>
          (!filter.method || c.method === filter.method.toUpperCase()) && (!pattern || pattern.test(c.path)),
      );
    },
    clearCalls: () => {
      state.calls.length = 0;
    },
    snapshot: () => snapshot(ctx),
  };
}
