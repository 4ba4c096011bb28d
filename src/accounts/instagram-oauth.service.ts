import type { AuthContext } from '../auth/session-token.js';
import { AppError, errors } from '../errors.js';
import type { Logger } from '../logger.js';
import { graphToAppError } from '../providers/instagram/graph-app-error.js';
import type { GraphClient } from '../providers/instagram/graph-client.js';
import type { InstagramConnectService } from './instagram-connect.service.js';
import { instagramScopes } from './instagram-connect.service.js';
import type { OauthStates } from './oauth-state.js';

export const callbackPath = '/api/v1/oauth/instagram/callback';

export interface OauthSettings {
  appId: string | undefined;
  authorizeUrl: string;
  /** PUBLIC_URL; when unset, the origin the browser used */
  publicUrl: string | undefined;
}

export interface CallbackQuery {
  code?: string;
  state?: string;
  error?: string;
  error_reason?: string;
  error_description?: string;
}

/**
 * Instagram Login ("Business Login for Instagram"): authorize URL → redirect back with a code →
 * short-lived token → 60-day token → connect.
 * https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 */
export class InstagramOauthService {
  constructor(
    private readonly graph: GraphClient,
    private readonly connector: InstagramConnectService,
    private readonly states: OauthStates,
    private readonly settings: OauthSettings,
    private readonly log: Logger,
    private readonly clock: () => number,
  ) {}

  async loginUrl(auth: AuthContext, origin: string): Promise<{ loginUrl: string }> {
    if (!this.settings.appId) throw errors.notConfigured('INSTAGRAM_APP_ID');
    // A relative authorize URL (demo mode) is served by this same server.
    const url = new URL(this.settings.authorizeUrl, this.base(origin));
    url.searchParams.set('client_id', this.settings.appId);
    url.searchParams.set('redirect_uri', this.redirectUri(origin));
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', instagramScopes.join(','));
    url.searchParams.set('state', await this.states.issue(auth.userId, auth.workspaceId));
    return { loginUrl: url.toString() };
  }

  /** resolves to the dashboard location to redirect the browser to, with the outcome in its query */
  async callback(q: CallbackQuery, origin: string): Promise<string> {
    // Forged, reused or expired: refused before anything else, nothing stored.
    const who = await this.states.consume(q.state);
    const back = (params: Record<string, string>) => this.dashboardUrl(origin, params);
    if (q.error || !q.code) {
      const message =
        q.error_description ??
        (q.error === 'access_denied' ? 'Instagram login was cancelled' : 'Instagram sent no code');
      this.log.info({ reason: q.error_reason ?? q.error }, 'Instagram login not completed');
      return back({ error: q.error === 'access_denied' ? 'oauth_cancelled' : 'oauth_failed', message });
    }
    try {
      const short = await this.graph.exchangeCode(q.code, this.redirectUri(origin));
      const long = await this.graph.exchangeForLongLivedToken(short.accessToken);
      const account = await this.connector.connect(who.workspaceId, {
        accessToken: long.accessToken,
        expiresAt: long.expiresAt,
        issuedAt: new Date(this.clock()).toISOString(),
        grantedScopes: short.permissions,
      });
      return back({ connected: account.id });
    } catch (err) {
      const appErr = graphToAppError(err);
      if (!(appErr instanceof AppError)) throw appErr;
      return back({ error: appErr.code, message: appErr.message });
    }
  }

  /** the dashboard's Accounts page, with the outcome in its query */
  dashboardUrl(origin: string, params: Record<string, string>): string {
    return `${this.base(origin)}/accounts?${new URLSearchParams(params)}`;
  }

  private base(origin: string): string {
    return (this.settings.publicUrl ?? origin).replace(/\/$/, '');
  }

  private redirectUri(origin: string): string {
    return `${this.base(origin)}${callbackPath}`;
  }
}
