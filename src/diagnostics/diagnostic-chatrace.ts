import type { AccountRow } from '../accounts/account.repository.js';
import { ChatraceError } from '../providers/chatrace/chatrace-errors.js';
import { parseChatraceToken } from '../providers/chatrace/chatrace-token.js';
import { defineCheck, type Finding, fail, pass, skip, warn } from './diagnostic-check.js';
import { DAY, type DiagnosticDeps } from './diagnostic-context.js';

// A Chatrace connection: the seeds' questions "is the token in the right format" and "polling gets
// 401" are answered by parsing the stored token and asking GET /accounts/me; Chatrace only pushes,
// so whether its External Request reaches us is the delivery log's to say.

const newToken =
  'Copy the API token again from Chatrace (Settings → API) and reconnect Chatrace on the Accounts page; paste only the token, without "Bearer" or quotes.';

export const chatraceTokenFormat = defineCheck({
  id: 'chatrace.token_format',
  group: 'chatrace',
  title: 'Token format',
  outcomes: {
    full: pass('The token is sent as Chatrace shows it: account id {accountId}, a dot, then the token.'),
    bare: pass(
      'The token is sent without an account id in front, the form Chatrace accepted when connecting.',
    ),
    malformed: fail('The stored token is malformed.', newToken),
    no_token: fail('No token is stored for this connection.', newToken),
  },
});

export const chatraceTokenValid = defineCheck({
  id: 'chatrace.token',
  group: 'chatrace',
  title: 'Token accepted by Chatrace',
  outcomes: {
    valid: pass('Chatrace accepts the token: GET /accounts/me answers for {name}.'),
    refused: fail(
      'Chatrace refused the token (HTTP {status}).',
      'Create a new API token in Chatrace (Settings → API) and reconnect Chatrace on the Accounts page. GET /accounts/me with the X-ACCESS-TOKEN header is the real test: the 401s of polling came from endpoints Chatrace does not have.',
    ),
    no_answer: warn(
      'Chatrace did not answer, so the token could not be checked.',
      'Run the check again; if it persists, check that this server reaches CHATRACE_API_URL ({apiUrl}).',
    ),
    not_checked: skip('Not checked: the stored token is malformed (see above).'),
  },
});

export const chatraceDelivery = defineCheck({
  id: 'chatrace.last_delivery',
  group: 'chatrace',
  title: 'Deliveries arrive',
  outcomes: {
    recent: pass('The last delivery from Chatrace arrived at {lastAt}; {count} in the last 24 hours.'),
    never: warn(
      'Nothing has arrived from Chatrace since this connection was made ({connectedAt}).',
      'Chatrace only pushes, it cannot be polled: add an External Request action to the flow that receives Instagram messages, with the webhook URL and the X-Relaydesk-Token header shown on the Accounts page.',
    ),
    unreadable: warn(
      '{count} deliveries in the last 7 days had no sender or text Relaydesk could find (the last at {lastAt}).',
      'Map the fields with JSONPath on the Accounts page, then replay those deliveries from the webhook log.',
    ),
  },
});

export function checkChatraceFormat(d: DiagnosticDeps, a: AccountRow): Finding {
  if (!a.access_token_enc) return chatraceTokenFormat.found('no_token');
  const parsed = parseChatraceToken(d.secrets.decrypt(a.access_token_enc));
  if (!parsed.ok) return chatraceTokenFormat.found('malformed', {}, { detail: parsed.message });
  if (parsed.accountId) return chatraceTokenFormat.found('full', { accountId: parsed.accountId });
  return chatraceTokenFormat.found('bare');
}

export async function checkChatraceToken(
  d: DiagnosticDeps,
  a: AccountRow,
  formatOk: boolean,
): Promise<Finding> {
  if (!a.access_token_enc || !formatOk) return chatraceTokenValid.found('not_checked');
  try {
    const me = await d.chatrace.verify(d.secrets.decrypt(a.access_token_enc));
    return chatraceTokenValid.found('valid', { name: me.name ?? me.accountId ?? a.external_id });
  } catch (err) {
    const refused = err instanceof ChatraceError && err.kind === 'token_invalid';
    if (refused)
      return chatraceTokenValid.found('refused', { status: err.httpStatus ?? 0 }, { detail: err.message });
    return chatraceTokenValid.found(
      'no_answer',
      { apiUrl: d.config.CHATRACE_API_URL },
      { detail: (err as Error).message },
    );
  }
}

export async function checkChatraceDelivery(d: DiagnosticDeps, a: AccountRow): Promise<Finding> {
  const now = d.clock();
  const unreadable = await d.repo.unreadableChatrace(
    a.workspace_id,
    a.id,
    new Date(now - 7 * DAY).toISOString(),
  );
  if (unreadable.count > 0)
    return chatraceDelivery.found(
      'unreadable',
      { count: unreadable.count, lastAt: unreadable.lastAt ?? '' },
      { detail: unreadable.lastError, link: '/deliveries?source=chatrace&status=failed' },
    );
  const last = await d.repo.lastDelivery(a.id, new Date(now - DAY).toISOString());
  const link = '/deliveries?source=chatrace';
  if (!last.lastAt) return chatraceDelivery.found('never', { connectedAt: a.created_at }, { link });
  return chatraceDelivery.found('recent', { lastAt: last.lastAt, count: last.recent }, { link });
}
