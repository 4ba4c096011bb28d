import type { AccountRepository } from '../accounts/account.repository.js';
import { type Config, publicConfig } from '../config.js';
import { dayOf, dayStart, weekStart } from '../insights/insight-day.js';
import type { Scope } from '../webhooks/webhook-event.repository.js';
import type { StatsRepository } from './stats.repository.js';

export interface RuntimeFlags {
  /** demo mode: the built-in simulator stands in for Meta */
  simulator: boolean;
  /** whether missed-message polling runs for at least one account */
  pollingActive: () => Promise<boolean>;
}

/** The seed's `/instagram/stats` and `/instagram/config`, computed from stored data. */
export class StatsService {
  constructor(
    private readonly events: StatsRepository,
    private readonly accounts: AccountRepository,
    private readonly config: Config,
    private readonly flags: RuntimeFlags,
    private readonly clock: () => number = Date.now,
  ) {}

  async stats(scope: Scope) {
    const ws = scope.workspaceId;
    // "today" and "this week" (from Monday) in the workspace's own time zone
    const tz = validZone(await this.events.timezone(ws));
    const today = dayOf(this.clock(), tz);
    const iso = (ms: number) => new Date(ms).toISOString();
    const [counts, all, last24h, accounts, pollingActive, messagesToday, postsThisWeek, followers] =
      await Promise.all([
        this.events.countMessages(ws),
        this.events.countBy(scope),
        this.events.countBy(scope, new Date(this.clock() - 86_400_000).toISOString()),
        this.accounts.listByWorkspace(ws),
        this.flags.pollingActive(),
        this.events.countMessagesSince(ws, iso(dayStart(today, tz))),
        this.events.countPostsSince(ws, iso(dayStart(weekStart(today), tz))),
        this.events.latestFollowers(ws),
      ]);
    const sum = (list: { n: number }[]) => list.reduce((a, b) => a + b.n, 0);
    const inbound = sum(counts.messages.filter((m) => m.direction === 'inbound'));
    const outbound = sum(counts.messages.filter((m) => m.direction === 'outbound'));
    const connected = accounts.filter((a) => a.status !== 'disconnected');
    const useChatrace = connected.some((a) => a.provider === 'chatrace');
    const knownFollowers = connected.flatMap((a) => followers.get(a.id) ?? []);
    return {
      totalMessages: inbound + outbound,
      inboundMessages: inbound,
      outboundMessages: outbound,
      clientsWithInstagram: sum(counts.contacts.filter((c) => c.source === 'instagram')),
      pollingActive,
      config: {
        useChatrace,
        useMockMode: this.flags.simulator,
        hasAccessToken:
          Boolean(this.config.INSTAGRAM_ACCESS_TOKEN) || connected.some((a) => a.access_token_enc),
        apiUrl: useChatrace ? this.config.CHATRACE_API_URL : this.config.INSTAGRAM_GRAPH_URL,
      },
      deliveries: {
        total: all.total,
        last24h: last24h.total,
        rejected: all.rejected,
        lastReceivedAt: all.lastReceivedAt,
      },
      accounts: connected.length,
      /** the connected accounts' latest follower counts, summed; null before any was read */
      followers: knownFollowers.length ? knownFollowers.reduce((a, b) => a + b, 0) : null,
      messagesToday,
      postsThisWeek,
      perAccount: accounts.map((a) => {
        const of = <T extends { accountId: string }>(list: T[]) => list.filter((x) => x.accountId === a.id);
        const messages = of(counts.messages);
        return {
          accountId: a.id,
          provider: a.provider,
          username: a.username,
          status: a.status,
          inboundMessages: sum(messages.filter((m) => m.direction === 'inbound')),
          outboundMessages: sum(messages.filter((m) => m.direction === 'outbound')),
          contacts: sum(of(counts.contacts)),
          followers: followers.get(a.id) ?? null,
          pollIntervalSeconds: a.provider === 'instagram' ? a.poll_interval_seconds : 0,
          lastPollAt: a.last_poll_at,
          lastPollResult: a.last_poll_result
            ? (JSON.parse(a.last_poll_result) as Record<string, unknown>)
            : null,
          webhookGapAt: a.webhook_gap_at,
        };
      }),
    };
  }

  effectiveConfig() {
    return { ...publicConfig(this.config), simulator: this.flags.simulator };
  }
}

/** an unknown zone (a hand-edited row) counts as UTC rather than failing the dashboard */
function validZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}
