import type { AccountRow } from '../accounts/account.repository.js';
import type { EventRow } from './webhook-event.repository.js';

/**
 * A downstream feature (inbox, automation, comments…) that acts on routed events. Consumers
 * must be idempotent on the provider's ids: a replay or a retried job hands them the same
 * event again.
 */
export interface InboundEventConsumer {
  readonly name: string;
  handle(events: EventRow[], account: AccountRow): Promise<void>;
}
