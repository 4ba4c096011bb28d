import { statfs } from 'node:fs/promises';
import { AccountRepository } from '../accounts/account.repository.js';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ChatraceClient } from '../providers/chatrace/chatrace-client.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { Secrets } from '../secrets.js';
import { DiagnosticRepository } from './diagnostic.repository.js';
import type { DiagnosticDeps } from './diagnostic-context.js';

export interface DiagnosticParts {
  config: Config;
  demo: boolean;
  database: DatabaseHandle;
  queue: JobQueue;
  graph: GraphClient;
  chatrace: ChatraceClient;
  secrets: Secrets;
  clock: () => number;
  fetch?: typeof fetch;
}

/** The same wiring for the server (app-services.ts) and `relaydesk doctor`. */
export function diagnosticDeps(p: DiagnosticParts): DiagnosticDeps {
  const { database } = p;
  return {
    config: p.config,
    demo: p.demo,
    repo: new DiagnosticRepository(database.db),
    accounts: new AccountRepository(database.db),
    queue: p.queue,
    graph: p.graph,
    chatrace: p.chatrace,
    secrets: p.secrets,
    database: {
      kind: database.dialect,
      ping: () => database.ping(),
      pendingMigrations: () => pendingMigrations(database.db),
    },
    statfs: (path) => statfs(path),
    fetch: p.fetch ?? ((input, init) => fetch(input, init)),
    clock: p.clock,
  };
}
