import { useMemo } from 'react';
import type { MeResponse, Page } from '../../lib/types.js';
import { useQuery } from '../../lib/use-query.js';
import { accountLabel } from '../accounts/status.js';
import type { PublishingAccount } from './types.js';
import { browserTimeZone } from './zoned-time.js';

export interface PublishingContext {
  /** only an owner changes what the business publishes; agents see everything and moderate comments */
  isOwner: boolean;
  /** the zone times are shown and entered in: the browser's */
  timeZone: string;
  /** Instagram accounts that can publish and have media (Chatrace connections have neither) */
  accounts: PublishingAccount[];
  accountName(id: string): string;
  loaded: boolean;
}

/** Who is signed in and which accounts there are, read once for the whole Publishing page. */
export function usePublishingContext(): PublishingContext {
  const me = useQuery((a) => a.get<MeResponse>('/me'), []);
  const accounts = useQuery((a) => a.get<Page<PublishingAccount>>('/accounts'), []);
  return useMemo(() => {
    const all = accounts.data?.items ?? [];
    const byId = new Map(all.map((a) => [a.id, a]));
    return {
      isOwner: me.data?.user.role === 'owner',
      timeZone: browserTimeZone(),
      accounts: all.filter((a) => a.provider === 'instagram' && a.status !== 'disconnected'),
      accountName: (id: string) => {
        const a = byId.get(id);
        return a ? accountLabel({ ...a, igUserId: null }) : id;
      },
      loaded: me.data !== undefined && accounts.data !== undefined,
    };
  }, [me.data, accounts.data]);
}

/** the account a part of the page shows: the one in the address, else the first */
export function chosenAccount(ctx: PublishingContext, fromUrl: string | null): PublishingAccount | null {
  return ctx.accounts.find((a) => a.id === fromUrl) ?? ctx.accounts[0] ?? null;
}
