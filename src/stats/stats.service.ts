import type { AccountRepository } from '../accounts/account.repository.js';
import { type Config, publicConfig } from '../config.js';
import type { Scope } from '../webhooks/webhook-event.repository.js';
import type { StatsRepository } from './stats.repository.js';

export interface RuntimeFlags {
  /** demo mode: the built-in simulator stands in for Meta */
  simulator: boolean;
  /** whether missed-message polling runs (the inbox feature sets this) */
  pollingActive: () => boolean;
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
    const [messages, all, last24h, accounts] = await Promise.all([
      this.events.countMessageEvents(scope.workspaceId),
      this.events.countBy(scope),
      this.events.countBy(scope, new Date(this.clock() - 86_400_000).toISOString()),
      this.accounts.listByWorkspace(scope.workspaceId),
    ]);
    const connected = accounts.filter((a) => a.status !== 'disconnected');
    const useChatrace = connected.some((a) => a.provider === 'chatrace');
    return {
      totalMessages: messages.inbound + messages.outbound,
      inboundMessages: messages.inbound,
      outboundMessages: messages.outbound,
      clientsWithInstagram: messages.senders,
      pollingActive: this.flags.pollingActive(),
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
    };
  }

  effectiveConfig() {
    return { ...publicConfig(this.config), simulator: this.flags.simulator };
  }
}
