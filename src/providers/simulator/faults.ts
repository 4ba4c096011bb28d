import type { SimState } from './state.js';
import type { SimToken } from './types.js';

// Fault injection: the next N calls (optionally matching a path pattern and method) fail the way
// Meta fails, take longer, or never answer; tokens expire or get revoked; containers end in
// ERROR/EXPIRED; the OAuth dialog is cancelled. Driven in-process or via POST /__sim/faults.

export interface FaultMatch {
  /** a RegExp, or its source text, tested against the path without the version (`/17841…/messages`) */
  path?: string | RegExp;
  method?: string;
  /** how many matching calls it affects (default 1); 'always' until removed */
  times?: number | 'always';
}

export type FaultSpec = FaultMatch &
  (
    | {
        kind: 'error';
        code: number;
        subcode?: number;
        message?: string;
        type?: string;
        status?: number;
        isTransient?: boolean;
      }
    | { kind: 'http'; status: number; body?: string; contentType?: string }
    | {
        kind: 'rate_limit';
        scope?: 'app' | 'account';
        code?: number;
        status?: number;
        regainAccessMinutes?: number;
      }
    | { kind: 'latency'; ms: number }
    | { kind: 'hang' }
  );

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  pattern: RegExp | null;
  remaining: number;
  hits: number;
}

export type RevokeReason = 'logged_out' | 'deauthorized' | 'password_changed';

// 467: oauth_190_467_user_logged_out.observed.json; 458 and 460 per Meta's access-token error table.
const REVOKE: Record<RevokeReason, (appId: string) => { subcode: number; message: string }> = {
  logged_out: () => ({
    subcode: 467,
    message: 'Error validating access token: The session is invalid because the user logged out.',
  }),
  deauthorized: (appId) => ({
    subcode: 458,
    message: `Error validating access token: The user has not authorized application ${appId}.`,
  }),
  password_changed: () => ({
    subcode: 460,
    message:
      'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  }),
};

export class Faults {
  private active: ActiveFault[] = [];
  private seq = 0;
  private containerOutcomes: { status: 'ERROR' | 'EXPIRED'; remaining: number }[] = [];
  private oauthDenials = 0;

  constructor(
    private readonly state: SimState,
    private readonly appId: string,
  ) {}

  add(spec: FaultSpec): string {
    const id = `fault_${++this.seq}`;
    const pattern =
      spec.path === undefined ? null : spec.path instanceof RegExp ? spec.path : new RegExp(spec.path);
    const remaining = spec.times === 'always' ? Number.POSITIVE_INFINITY : Math.max(1, spec.times ?? 1);
    this.active.push({ id, spec, pattern, remaining, hits: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.active.length;
    this.active = this.active.filter((f) => f.id !== id);
    return this.active.length < before;
  }

  clear(): void {
    this.active = [];
    this.containerOutcomes = [];
    this.oauthDenials = 0;
  }

  list() {
    return this.active.map((f) => ({
      id: f.id,
      ...f.spec,
      path: f.pattern?.source,
      remaining: Number.isFinite(f.remaining) ? f.remaining : 'always',
      hits: f.hits,
    }));
  }

  /** the next `times` calls (matching `path`/`method`) fail with this Graph error */
  failNext(times: number, error: Omit<Extract<FaultSpec, { kind: 'error' }>, 'kind' | 'times'>): string {
    return this.add({ ...error, kind: 'error', times });
  }

  serverError(times = 1, status = 500, match: Omit<FaultMatch, 'times'> = {}): string {
    return this.add({ ...match, kind: 'http', status, times });
  }

  rateLimit(opts: Omit<Extract<FaultSpec, { kind: 'rate_limit' }>, 'kind'> = {}): string {
    return this.add({ ...opts, kind: 'rate_limit' });
  }

  latency(ms: number, match: FaultMatch = {}): string {
    return this.add({ times: 'always', ...match, kind: 'latency', ms });
  }

  /** matching calls never get an answer (until the client gives up or the simulator stops) */
  hang(match: FaultMatch = {}): string {
    return this.add({ ...match, kind: 'hang' });
  }

  /** by token or account id (all of its tokens): from now on 190/463 */
  expireToken(tokenOrAccount: string): number {
    const now = this.state.clock();
    return this.tokensOf(tokenOrAccount, (t) => {
      t.expiresAt = Math.min(t.expiresAt, now - 1);
    });
  }

  revokeToken(tokenOrAccount: string, reason: RevokeReason = 'logged_out'): number {
    return this.tokensOf(tokenOrAccount, (t) => {
      t.revoked = REVOKE[reason](this.appId);
    });
  }

  /** a given container, or the next `times` created ones, end in ERROR or EXPIRED */
  containerOutcome(status: 'ERROR' | 'EXPIRED', opts: { containerId?: string; times?: number } = {}): void {
    if (opts.containerId) {
      const container = this.state.containers.get(opts.containerId);
      if (!container) throw new Error(`no container ${opts.containerId}`);
      container.forced = status;
      return;
    }
    this.containerOutcomes.push({ status, remaining: Math.max(1, opts.times ?? 1) });
  }

  /** the next `times` authorize requests end as if the user pressed "Cancel" */
  denyOAuth(times = 1): void {
    this.oauthDenials += times;
  }

  /** @internal the latency to add and the fault (if any) that answers this call */
  match(method: string, path: string): { latencyMs: number; terminal: ActiveFault | null } {
    let latencyMs = 0;
    let terminal: ActiveFault | null = null;
    for (const f of this.active) {
      if (f.spec.method && f.spec.method.toUpperCase() !== method) continue;
      if (f.pattern && !f.pattern.test(path)) continue;
      if (f.spec.kind === 'latency') latencyMs += this.consume(f) ? f.spec.ms : 0;
      else if (!terminal && this.consume(f)) terminal = f;
    }
    this.active = this.active.filter((f) => f.remaining > 0);
    return { latencyMs, terminal };
  }

  /** @internal */
  takeContainerOutcome(): 'ERROR' | 'EXPIRED' | undefined {
    const next = this.containerOutcomes[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) this.containerOutcomes.shift();
    return next.status;
  }

  /** @internal */
  takeOAuthDenial(): boolean {
    if (this.oauthDenials <= 0) return false;
    this.oauthDenials -= 1;
    return true;
  }

  private consume(f: ActiveFault): boolean {
    if (f.remaining <= 0) return false;
    f.remaining -= 1;
    f.hits += 1;
    return true;
  }

  private tokensOf(tokenOrAccount: string, apply: (t: SimToken) => void): number {
    let n = 0;
    const account = this.state.findAccount(tokenOrAccount);
    for (const t of this.state.tokens.values()) {
      if (t.token === tokenOrAccount || (account && t.accountId === account.userId)) {
        apply(t);
        n += 1;
      }
    }
    return n;
  }
}
