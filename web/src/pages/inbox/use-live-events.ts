import { useWorkspaceEvents } from '../../lib/use-workspace-events.js';
import { type InboxEvent, inboxEventTypes, toInboxEvent } from './live.js';

// The inbox's share of the workspace's live stream; after a reconnect the page reloads what it
// shows, since events sent while it was away are gone.
export function useLiveEvents(onEvents: (events: InboxEvent[]) => void, onResync: () => void) {
  return useWorkspaceEvents(
    inboxEventTypes,
    (events) => {
      const inbox = events.flatMap((e) => toInboxEvent(e) ?? []);
      if (inbox.length > 0) onEvents(inbox);
    },
    onResync,
  );
}
