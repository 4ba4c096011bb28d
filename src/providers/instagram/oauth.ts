import { errors } from '../../errors.js';
import type { GraphHttp } from './graph-http.js';
import { longLivedTokenSchema, type ShortLivedToken, shortLivedTokenSchema } from './graph-schemas.js';

// Token endpoints of Instagram API with Instagram Login ("Business Login for Instagram"):
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
// 1. code → short-lived token (1 h): POST form to api.instagram.com/oauth/access_token
// 2. short-lived → long-lived (60 days): GET graph.instagram.com/access_token?grant_type=ig_exchange_token
// 3. refresh a long-lived token that is ≥ 24 h old and not expired: GET /refresh_access_token?grant_type=ig_refresh_token
// Steps 2 and 3 are unversioned and take the token as the access_token query parameter, as documented.

export interface OAuthConfig {
  oauthTokenUrl: string;
  appId?: string | undefined;
  appSecret?: string | undefined;
  clock: () => number;
}

export interface LongLivedToken {
  accessToken: string;
  tokenType: string | null;
  expiresInSec: number;
  /** ISO-8601, from the injected clock + expires_in */
  expiresAt: string;
}

export type { ShortLivedToken };

export class InstagramOAuth {
  constructor(
    private readonly http: GraphHttp,
    private readonly config: OAuthConfig,
  ) {}

  /** step 1; `code` as received on the redirect (a trailing `#_` that Instagram appends is removed) */
  async exchangeCode(code: string, redirectUri: string): Promise<ShortLivedToken> {
    const { appId, appSecret } = this.app();
    const cleanCode = code.replace(/#_$/, '');
    return this.http.request({
      method: 'POST',
      url: this.config.oauthTokenUrl,
      form: {
        client_id: appId,
        client_secret: appSecret,
        grant_type: 'authorization_code',
        redirect_uri: redirectUri,
        code: cleanCode,
      },
      schema: shortLivedTokenSchema,
      secrets: [cleanCode],
      gated: false,
    });
  }

  /** step 2 */
  async exchangeForLongLived(shortLivedToken: string): Promise<LongLivedToken> {
    const { appSecret } = this.app();
    const t = await this.http.request({
      method: 'GET',
      path: '/access_token',
      versioned: false,
      auth: { accessToken: shortLivedToken },
      tokenIn: 'query',
      query: { grant_type: 'ig_exchange_token', client_secret: appSecret },
      schema: longLivedTokenSchema,
      gated: false,
    });
    return this.withExpiry(t);
  }

  /** step 3 */
  async refreshLongLived(longLivedToken: string): Promise<LongLivedToken> {
    const t = await this.http.request({
      method: 'GET',
      path: '/refresh_access_token',
      versioned: false,
      auth: { accessToken: longLivedToken },
      tokenIn: 'query',
      query: { grant_type: 'ig_refresh_token' },
      schema: longLivedTokenSchema,
      gated: false,
    });
    return this.withExpiry(t);
  }

  private withExpiry(t: Omit<LongLivedToken, 'expiresAt'>): LongLivedToken {
    return { ...t, expiresAt: new Date(this.config.clock() + t.expiresInSec * 1000).toISOString() };
  }

  private app(): { appId: string; appSecret: string } {
    const { appId, appSecret } = this.config;
    if (!appId || !appSecret) throw errors.notConfigured('INSTAGRAM_APP_ID and INSTAGRAM_APP_SECRET');
    return { appId, appSecret };
  }
}
