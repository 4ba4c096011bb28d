import { useCallback, useMemo } from 'react';
import { useApi } from '../../lib/session.js';
import type { Page } from '../../lib/types.js';
import { useQuery } from '../../lib/use-query.js';
import { accountLabel } from '../accounts/status.js';
import { useAction } from '../accounts/use-action.js';
import type { InboxAccount, InboxMe } from './types.js';

/** Who is signed in, whether HUMAN_AGENT replies are on, and the workspace's accounts by id. */
export function useWorkspace() {
  const api = useApi();
  const me = useQuery((a) => a.get<InboxMe>('/me'), []);
  const accounts = useQuery((a) => a.get<Page<InboxAccount>>('/accounts'), [], { intervalMs: 60_000 });
  const enabling = useAction<unknown>();

  const byId = useMemo(() => new Map((accounts.data?.items ?? []).map((a) => [a.id, a])), [accounts.data]);
  const options = useMemo(
    () => [...byId.values()].map((a): [string, string] => [a.id, accountLabel({ ...a, igUserId: null })]),
    [byId],
  );
  const label = useCallback(
    (id: string) => {
      const a = byId.get(id);
      return a ? accountLabel({ ...a, igUserId: null }) : null;
    },
    [byId],
  );

  const { run } = enabling;
  const reloadMe = me.reload;
  const enableHumanAgent = useCallback(async () => {
    await run(() => api.patch('/workspace', { humanAgentEnabled: true }));
    await reloadMe();
  }, [api, run, reloadMe]);

  return {
    isOwner: me.data?.user.role === 'owner',
    humanAgentEnabled: me.data?.workspace.humanAgentEnabled === true,
    account: (id: string) => byId.get(id),
    accountOptions: options,
    /** an account's name: always (for links) */
    accountLabel: label,
    /** only when there is more than one account to tell apart */
    rowAccountLabel: (id: string) => (byId.size > 1 ? label(id) : null),
    enabling: { busy: enabling.busy, error: enabling.error },
    enableHumanAgent,
  };
}
