import { describeError } from '../../components/ErrorMessage.js';
import type { TFunction } from '../../i18n/core.js';
import { ApiError } from '../../lib/api.js';
import { dateTime, type Zone } from './time.js';

// Why a reply was refused, in full: the server's 409 carries when the window closed and
// whether a person could still answer with the HUMAN_AGENT tag.

export interface WindowRefusal {
  closedAt: string | null;
  humanAgentAvailable: boolean;
}

export function windowRefusal(error: unknown): WindowRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'outside_messaging_window') return null;
  const closedAt = error.details?.closedAt;
  return {
    closedAt: typeof closedAt === 'string' && !Number.isNaN(Date.parse(closedAt)) ? closedAt : null,
    humanAgentAvailable: error.details?.humanAgentAvailable === true,
  };
}

/** A sentence or two for the composer; other errors use the shared error wording. */
export function describeSendError(t: TFunction, z: Zone, error: unknown, now: number): string {
  const refusal = windowRefusal(error);
  if (!refusal) return describeError(t, error);
  const parts = [t('error.outside_messaging_window')];
  if (refusal.closedAt)
    parts.push(t('inbox.send.closedAt', { closedAt: dateTime(z, refusal.closedAt, now) }));
  if (refusal.humanAgentAvailable) parts.push(t('inbox.send.humanAgentAvailable'));
  return parts.join(' ');
}
