import type { AccountRow } from '../accounts/account.repository.js';
import { instagramScopes } from '../accounts/instagram-connect.service.js';
import { defineCheck, type Finding, fail, pass, warn } from './diagnostic-check.js';
import { DAY, type DiagnosticDeps } from './diagnostic-context.js';

// Do the granted permissions cover the features in use? What can be known: Instagram Login tells
// the granted scopes once, when the code is exchanged (Relaydesk records them then); a pasted token
// comes without them. After that, only Meta refusing a call (codes 10, 200–299: kind 'permission',
// stored as permission_missing on the message or post) shows a missing one.
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login

const relogin =
  'Reconnect with Instagram Login on the Accounts page and leave every permission switched on. For accounts without a role on your Meta app, the app needs Advanced Access to that permission (App Review).';

export const permissionsGranted = defineCheck({
  id: 'instagram.permissions',
  group: 'instagram',
  title: 'Permissions cover the features in use',
  outcomes: {
    granted: pass(
      'Every permission Relaydesk uses was granted at login, and no call was refused for a permission since {since}.',
    ),
    not_recorded: pass(
      'No call was refused for a missing permission since {since}. This token was pasted, so which permissions it has is not known: Instagram names them only at login.',
    ),
    refused: fail(
      'Instagram refused {count} calls for a missing permission since {since}, the last at {lastAt}.',
      relogin,
    ),
    not_granted: fail('The login did not grant {missing}, which features in use need.', relogin),
    not_granted_unused: warn(
      'The login did not grant {missing}; nothing that needs it is in use yet.',
      'Before scheduling posts, reconnect with Instagram Login and leave every permission switched on.',
    ),
  },
});

/** the scopes recorded when the account was connected through Instagram Login, or null */
export function grantedScopes(a: AccountRow): string[] | null {
  try {
    const scopes = (JSON.parse(a.settings) as { grantedScopes?: unknown }).grantedScopes;
    return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : null;
  } catch {
    return null;
  }
}

export async function checkPermissions(d: DiagnosticDeps, a: AccountRow): Promise<Finding> {
  // Refusals from before the current token was issued were answered by reconnecting.
  const issued = Date.parse(a.token_issued_at ?? a.created_at);
  const since = new Date(Math.max(issued, d.clock() - 30 * DAY)).toISOString();
  const refusals = await d.repo.permissionRefusals(a.id, since);
  if (refusals.count > 0)
    return permissionsGranted.found(
      'refused',
      { count: refusals.count, since, lastAt: refusals.lastAt ?? since },
      { detail: refusals.lastError },
    );
  const scopes = grantedScopes(a);
  if (!scopes) return permissionsGranted.found('not_recorded', { since });
  const missing = instagramScopes.filter((s) => !scopes.includes(s));
  if (missing.length === 0) return permissionsGranted.found('granted', { since });
  // Messaging, comments and statistics are always on; publishing only once posts are scheduled.
  const publishing = (await d.repo.scheduledPosts(a.id)) > 0;
  const needed = missing.filter((s) => s !== 'instagram_business_content_publish' || publishing);
  return permissionsGranted.found(needed.length ? 'not_granted' : 'not_granted_unused', {
    missing: missing.join(', '),
  });
}
