import type { StatsFs } from 'node:fs';
import type { AccountRepository } from '../accounts/account.repository.js';
import type { Config } from '../config.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ChatraceClient } from '../providers/chatrace/chatrace-client.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import type { DiagnosticRepository } from './diagnostic.repository.js';

/** Everything impure a check may use; built once by the server (app-services) or by `relaydesk doctor`. */
export interface DiagnosticDeps {
  /** the effective configuration (in demo mode: with the simulator standing in for Meta) */
  config: Config;
  /** demo mode: the built-in simulator plays Meta */
  demo: boolean;
  /**
   * `relaydesk doctor` in demo mode: the simulator that holds the accounts' tokens lives inside the
   * running server, so their checks are the Diagnostics page's to run
   */
  accountsElsewhere?: boolean;
  repo: DiagnosticRepository;
  accounts: AccountRepository;
  queue: JobQueue;
  graph: GraphClient;
  chatrace: ChatraceClient;
  secrets: Secrets;
  database: {
    kind: 'sqlite' | 'postgres';
    ping(): Promise<boolean>;
    pendingMigrations(): Promise<string[]>;
  };
  statfs(path: string): Promise<StatsFs>;
  fetch: typeof fetch;
  clock: () => number;
  /** how long one HTTP probe of PUBLIC_URL may take */
  probeTimeoutMs?: number;
}

/** whose checks these are: one workspace (the API) or the whole instance (the CLI) */
export interface DiagnosticScope {
  /** null: every workspace */
  workspaceId: string | null;
  /** the instance administrator (and the CLI) also sees job errors, which may name any workspace */
  isAdmin: boolean;
}

export const DAY = 86_400_000;
