import { useMemo } from 'react';
import type { MeResponse, Page } from '../../lib/types.js';
import { useQuery } from '../../lib/use-query.js';
import { accountLabel } from '../accounts/status.js';
import type { InboxAccount } from '../inbox/types.js';

export interface AutomationContext {
  /** only an owner changes what the bot says; agents read and test */
  isOwner: boolean;
  /** the workspace's zone: the default for new active hours */
  timezone: string;
  accounts: InboxAccount[];
  accountName(id: string | null): string | null;
  loaded: boolean;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Who is signed in and which accounts the rules can be for: read once for the whole page. */
export function useAutomationContext(): AutomationContext {
  const me = useQuery((a) => a.get<MeResponse>('/me'), []);
  const accounts = useQuery((a) => a.get<Page<InboxAccount>>('/accounts'), []);
  return useMemo(() => {
    const items = accounts.data?.items ?? [];
    const byId = new Map(items.map((a) => [a.id, a]));
    return {
      isOwner: me.data?.user.role === 'owner',
      timezone: me.data?.workspace.timezone || browserZone(),
      accounts: items,
      accountName: (id: string | null) => {
        const a = id ? byId.get(id) : undefined;
        return a ? accountLabel({ ...a, igUserId: null }) : null;
      },
      loaded: me.data !== undefined && accounts.data !== undefined,
    };
  }, [me.data, accounts.data]);
}
