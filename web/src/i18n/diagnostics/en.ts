// The Diagnostics page's English strings, spread into ../en.ts (the reference dictionary).
// The check titles, outcomes and fixes are the server's own sentences (src/diagnostics, one
// `diagnostics.<check>.<outcome>` key each; test/web/diagnostics-i18n.test.ts keeps them equal).
export const diagnosticsEn = {
  'diagnostics.title': 'Diagnostics',
  'diagnostics.subtitle':
    'What works, what does not, and how to fix it: the checks of `relaydesk doctor`, for this workspace and its server.',
  'diagnostics.rerun': 'Run the checks again',
  'diagnostics.running': 'Checking…',
  'diagnostics.checkedAt': 'Checked at {time}, in {seconds} s',
  'diagnostics.overall.pass': 'Everything that was checked works.',
  'diagnostics.overall.warn': 'Everything works, but some checks have warnings.',
  'diagnostics.overall.fail': 'Something is broken: the failed checks below say how to fix it.',
  'diagnostics.count.pass': 'Passed: {count}',
  'diagnostics.count.warn': 'Warnings: {count}',
  'diagnostics.count.fail': 'Failed: {count}',
  'diagnostics.count.skip': 'Skipped: {count}',
  'diagnostics.verdict.pass': 'Passed',
  'diagnostics.verdict.warn': 'Warning',
  'diagnostics.verdict.fail': 'Failed',
  'diagnostics.verdict.skip': 'Skipped',
  'diagnostics.onlyProblems': 'Only problems',
  'diagnostics.fix': 'How to fix',
  'diagnostics.detail': 'Details',
  'diagnostics.link.deliveries': 'Open the webhook log',
  'diagnostics.link.accounts': 'Open Accounts',
  'diagnostics.group.configuration': 'Configuration',
  'diagnostics.group.webhooks': 'Webhooks',
  'diagnostics.group.instagram': 'Instagram · {name}',
  'diagnostics.group.chatrace': 'Chatrace · {name}',
  'diagnostics.group.jobs': 'Jobs',
  'diagnostics.group.database': 'Database',
  'diagnostics.noAccounts': 'No account is connected in this workspace, so only the server’s own checks ran.',
  'diagnostics.noProblems': 'No problems: every check passed or had nothing to check.',
  'diagnostics.cliHint':
    'The same checks from a shell on the server: relaydesk doctor (add --json for scripts).',

  'diagnostics.check.config.valid': 'Configuration valid',
  'diagnostics.config.valid.valid': 'The configuration is valid ({database}).',
  'diagnostics.config.valid.demo':
    'The configuration is valid. Demo mode: the simulator inside the running server plays Meta, so its accounts are checked on the Diagnostics page, not here.',
  'diagnostics.config.valid.invalid':
    'The environment has {count} invalid variables, so Relaydesk does not start.',
  'diagnostics.config.valid.invalid.fix':
    'Correct the variables listed in the detail (.env.example documents each one), then start again.',
  'diagnostics.check.config.app_secret': 'Instagram app secret set',
  'diagnostics.config.app_secret.set':
    'INSTAGRAM_APP_SECRET is set: every delivery from Meta has its signature checked.',
  'diagnostics.config.app_secret.demo':
    "Demo mode: the built-in simulator's app secret signs and checks the webhooks.",
  'diagnostics.config.app_secret.missing':
    'INSTAGRAM_APP_SECRET is not set, so every delivery from Meta is rejected.',
  'diagnostics.config.app_secret.missing.fix':
    'Copy the Instagram app secret from the App Dashboard (Instagram → API setup with Instagram login) into INSTAGRAM_APP_SECRET and restart.',
  'diagnostics.config.app_secret.not_used':
    'No Instagram app is configured and no Instagram account is connected.',
  'diagnostics.check.config.verify_token': 'Webhook verify token set',
  'diagnostics.config.verify_token.set': 'INSTAGRAM_WEBHOOK_VERIFY_TOKEN is set.',
  'diagnostics.config.verify_token.demo': 'Demo mode: the simulator needs no verification.',
  'diagnostics.config.verify_token.missing':
    "INSTAGRAM_WEBHOOK_VERIFY_TOKEN is not set, so Meta's verification of the callback URL fails.",
  'diagnostics.config.verify_token.missing.fix':
    'Choose a token (e.g. `openssl rand -hex 16`), set it as INSTAGRAM_WEBHOOK_VERIFY_TOKEN, restart, and enter the same value in App Dashboard → Webhooks.',
  'diagnostics.config.verify_token.not_used':
    'No Instagram app is configured and no Instagram account is connected.',
  'diagnostics.check.webhook.public_url': 'PUBLIC_URL is https',
  'diagnostics.webhook.public_url.https': 'PUBLIC_URL is {url}.',
  'diagnostics.webhook.public_url.missing':
    'PUBLIC_URL is not set: Meta has no callback address to deliver to, and Instagram Login cannot redirect back.',
  'diagnostics.webhook.public_url.missing.fix':
    'Set PUBLIC_URL to the public https address of this server, e.g. https://relaydesk.example.com, and restart.',
  'diagnostics.webhook.public_url.not_https':
    'PUBLIC_URL is {url}, but Meta delivers webhooks only to https addresses.',
  'diagnostics.webhook.public_url.not_https.fix':
    'Serve Relaydesk over https (a reverse proxy with a certificate, and TRUST_PROXY=true) and set PUBLIC_URL to that address.',
  'diagnostics.webhook.public_url.demo':
    'Demo mode: the built-in simulator delivers to this server directly.',
  'diagnostics.check.webhook.reachable': 'PUBLIC_URL reachable',
  'diagnostics.webhook.reachable.reachable': '{url}/healthz answered in {ms} ms.',
  'diagnostics.webhook.reachable.unreachable': '{url}/healthz could not be reached.',
  'diagnostics.webhook.reachable.unreachable.fix':
    'Check that the server is running and that DNS, the firewall and the reverse proxy send PUBLIC_URL to it; the detail says what failed.',
  'diagnostics.webhook.reachable.wrong_answer':
    "{url}/healthz answered HTTP {status} instead of Relaydesk's 200.",
  'diagnostics.webhook.reachable.wrong_answer.fix':
    "Something other than Relaydesk answers at PUBLIC_URL (a proxy error page, another app): point the proxy at Relaydesk's PORT.",
  'diagnostics.webhook.reachable.no_url': 'Without PUBLIC_URL there is nothing to reach.',
  'diagnostics.check.webhook.verification': 'Webhook verification answered',
  'diagnostics.webhook.verification.answered':
    "The webhook address answers Meta's verification request with the configured token.",
  'diagnostics.webhook.verification.refused':
    'The server at PUBLIC_URL refused the configured verify token (HTTP {status}).',
  'diagnostics.webhook.verification.refused.fix':
    'The running server uses another INSTAGRAM_WEBHOOK_VERIFY_TOKEN than this configuration: use one value in the environment and in App Dashboard → Webhooks, and restart the server.',
  'diagnostics.webhook.verification.wrong_echo':
    'The webhook address answered HTTP {status} without echoing hub.challenge.',
  'diagnostics.webhook.verification.wrong_echo.fix':
    'Something between Meta and Relaydesk changes the answer (a proxy page, a redirect to a login): route {path} straight to Relaydesk.',
  'diagnostics.webhook.verification.unreachable': 'The webhook address could not be reached.',
  'diagnostics.webhook.verification.unreachable.fix':
    'Check that the server is running and that DNS, the firewall and the reverse proxy send PUBLIC_URL to it; the detail says what failed.',
  'diagnostics.webhook.verification.not_checked':
    'Needs PUBLIC_URL and INSTAGRAM_WEBHOOK_VERIFY_TOKEN (see above).',
  'diagnostics.check.webhook.signatures': 'Delivery signatures valid',
  'diagnostics.webhook.signatures.valid':
    'No delivery from Meta was rejected for its signature in the last 7 days.',
  'diagnostics.webhook.signatures.some_rejected':
    '{count} deliveries from Meta were rejected for their signature in the last 7 days (the last at {lastAt}); valid ones arrived after it.',
  'diagnostics.webhook.signatures.some_rejected.fix':
    'Rejections between valid deliveries usually come from another app or a probe. If they continue, compare INSTAGRAM_APP_SECRET with the app that sends them.',
  'diagnostics.webhook.signatures.rejected':
    'The newest delivery from Meta ({lastAt}) was rejected for its signature, and {count} in the last 7 days.',
  'diagnostics.webhook.signatures.rejected.fix':
    'Set INSTAGRAM_APP_SECRET to the secret of the app whose webhooks arrive (App Dashboard → Instagram → API setup with Instagram login), restart, and make sure no proxy alters the body. Meta retries each delivery for up to 36 hours.',
  'diagnostics.webhook.signatures.none_yet': 'No delivery from Meta has arrived yet.',
  'diagnostics.check.instagram.token': 'Token valid',
  'diagnostics.instagram.token.valid': 'Instagram accepts the token of @{username}.',
  'diagnostics.instagram.token.refused': 'Instagram refused the token.',
  'diagnostics.instagram.token.refused.fix':
    'Reconnect the account on the Accounts page (Connect with Instagram). A token stops working when the password changes, or the owner logs out or removes the app.',
  'diagnostics.instagram.token.other_account':
    'The stored token belongs to @{username} ({userId}), not to this account ({externalId}).',
  'diagnostics.instagram.token.other_account.fix':
    'Reconnect this account while logged in to Instagram as it.',
  'diagnostics.instagram.token.no_answer': 'Instagram did not answer, so the token could not be checked.',
  'diagnostics.instagram.token.no_answer.fix':
    'Run the check again in a minute; if it persists, check that this server can reach graph.instagram.com.',
  'diagnostics.instagram.token.no_token': 'No token is stored for this account.',
  'diagnostics.instagram.token.no_token.fix':
    'Reconnect the account on the Accounts page (Connect with Instagram). A token stops working when the password changes, or the owner logs out or removes the app.',
  'diagnostics.check.instagram.token_expiry': 'Token expiry',
  'diagnostics.instagram.token_expiry.valid':
    'The token is valid until {expiresAt} ({days} days); Relaydesk renews it from 20 days before.',
  'diagnostics.instagram.token_expiry.unknown':
    'The expiry of this pasted token is not known yet; the daily refresh learns it.',
  'diagnostics.instagram.token_expiry.expiring': 'The token expires at {expiresAt}, in {days} days.',
  'diagnostics.instagram.token_expiry.expiring.fix':
    'Press "Refresh token now" (or Re-authorise) on the Accounts page; if the refresh fails, the detail says why.',
  'diagnostics.instagram.token_expiry.refresh_failed':
    'The last token refresh failed; the token still works until {expiresAt}.',
  'diagnostics.instagram.token_expiry.refresh_failed.fix':
    'See the detail; Relaydesk tries again daily. Re-authorise on the Accounts page if it keeps failing.',
  'diagnostics.instagram.token_expiry.expired': 'The token expired at {expiresAt}.',
  'diagnostics.instagram.token_expiry.expired.fix':
    'Reconnect with Instagram Login on the Accounts page: an expired token cannot be refreshed.',
  'diagnostics.instagram.token_expiry.revoked':
    'Instagram refused the token on {at}; the account is paused until it is reconnected.',
  'diagnostics.instagram.token_expiry.revoked.fix':
    'Reconnect the account on the Accounts page (Connect with Instagram). A token stops working when the password changes, or the owner logs out or removes the app.',
  'diagnostics.check.instagram.permissions': 'Permissions cover the features in use',
  'diagnostics.instagram.permissions.granted':
    'Every permission Relaydesk uses was granted at login, and no call was refused for a permission since {since}.',
  'diagnostics.instagram.permissions.not_recorded':
    'No call was refused for a missing permission since {since}. This token was pasted, so which permissions it has is not known: Instagram names them only at login.',
  'diagnostics.instagram.permissions.refused':
    'Instagram refused {count} calls for a missing permission since {since}, the last at {lastAt}.',
  'diagnostics.instagram.permissions.refused.fix':
    'Reconnect with Instagram Login on the Accounts page and leave every permission switched on. For accounts without a role on your Meta app, the app needs Advanced Access to that permission (App Review).',
  'diagnostics.instagram.permissions.not_granted':
    'The login did not grant {missing}, which features in use need.',
  'diagnostics.instagram.permissions.not_granted.fix':
    'Reconnect with Instagram Login on the Accounts page and leave every permission switched on. For accounts without a role on your Meta app, the app needs Advanced Access to that permission (App Review).',
  'diagnostics.instagram.permissions.not_granted_unused':
    'The login did not grant {missing}; nothing that needs it is in use yet.',
  'diagnostics.instagram.permissions.not_granted_unused.fix':
    'Before scheduling posts, reconnect with Instagram Login and leave every permission switched on.',
  'diagnostics.check.instagram.webhook_fields': 'Webhook fields subscribed',
  'diagnostics.instagram.webhook_fields.subscribed':
    'All {count} webhook fields Relaydesk uses are subscribed for this account.',
  'diagnostics.instagram.webhook_fields.missing':
    'Not subscribed: {missing}. New messages or comments do not arrive as webhooks.',
  'diagnostics.instagram.webhook_fields.missing.fix':
    'Reconnect the account on the Accounts page: connecting subscribes the fields again. Also tick the same fields in App Dashboard → Webhooks.',
  'diagnostics.instagram.webhook_fields.partly': 'Not subscribed: {missing} (messages and comments are).',
  'diagnostics.instagram.webhook_fields.partly.fix':
    'Reconnect the account on the Accounts page: connecting subscribes the fields again.',
  'diagnostics.instagram.webhook_fields.none':
    "The account is not subscribed to this app's webhooks at all: nothing arrives for it.",
  'diagnostics.instagram.webhook_fields.none.fix':
    'Reconnect the account on the Accounts page: connecting subscribes it again.',
  'diagnostics.instagram.webhook_fields.unreadable': 'The subscription could not be read.',
  'diagnostics.instagram.webhook_fields.unreadable.fix':
    'See the detail; run the check again once Instagram answers.',
  'diagnostics.instagram.webhook_fields.not_checked': 'Not checked: the token was refused (see above).',
  'diagnostics.check.instagram.last_delivery': 'Webhooks arrive',
  'diagnostics.instagram.last_delivery.recent':
    'The last webhook for this account arrived at {lastAt}; {count} in the last 24 hours.',
  'diagnostics.instagram.last_delivery.never':
    'No webhook for this account has arrived since it was connected ({connectedAt}).',
  'diagnostics.instagram.last_delivery.never.fix':
    'In App Dashboard → Webhooks check the callback URL and the subscribed fields, and that the app is Live (in Development mode Meta delivers only for people with a role on the app). Then run `relaydesk simulate delivery` or press Test there.',
  'diagnostics.check.instagram.polling': 'Polling found nothing missed',
  'diagnostics.instagram.polling.clean':
    'The last poll ({lastPollAt}) found nothing that webhooks had missed.',
  'diagnostics.instagram.polling.gap':
    'Polling found messages that webhooks never delivered (last on {gapAt}); it imported them.',
  'diagnostics.instagram.polling.gap.fix':
    'Webhooks are not arriving for this account: check the subscribed fields above, that the app is Live, and the callback URL in App Dashboard → Webhooks.',
  'diagnostics.instagram.polling.failed': 'The last poll ({lastPollAt}) failed.',
  'diagnostics.instagram.polling.failed.fix':
    'See the detail: a token error is fixed by reconnecting, a rate limit passes by itself.',
  'diagnostics.instagram.polling.not_yet': 'Polling has not run for this account yet.',
  'diagnostics.instagram.polling.off': 'Missed-message polling is off for this account.',
  'diagnostics.check.chatrace.token_format': 'Token format',
  'diagnostics.chatrace.token_format.full':
    'The token is sent as Chatrace shows it: account id {accountId}, a dot, then the token.',
  'diagnostics.chatrace.token_format.bare':
    'The token is sent without an account id in front, the form Chatrace accepted when connecting.',
  'diagnostics.chatrace.token_format.malformed': 'The stored token is malformed.',
  'diagnostics.chatrace.token_format.malformed.fix':
    'Copy the API token again from Chatrace (Settings → API) and reconnect Chatrace on the Accounts page; paste only the token, without "Bearer" or quotes.',
  'diagnostics.chatrace.token_format.no_token': 'No token is stored for this connection.',
  'diagnostics.chatrace.token_format.no_token.fix':
    'Copy the API token again from Chatrace (Settings → API) and reconnect Chatrace on the Accounts page; paste only the token, without "Bearer" or quotes.',
  'diagnostics.check.chatrace.token': 'Token accepted by Chatrace',
  'diagnostics.chatrace.token.valid': 'Chatrace accepts the token: GET /accounts/me answers for {name}.',
  'diagnostics.chatrace.token.refused': 'Chatrace refused the token (HTTP {status}).',
  'diagnostics.chatrace.token.refused.fix':
    'Create a new API token in Chatrace (Settings → API) and reconnect Chatrace on the Accounts page. GET /accounts/me with the X-ACCESS-TOKEN header is the real test: the 401s of polling came from endpoints Chatrace does not have.',
  'diagnostics.chatrace.token.no_answer': 'Chatrace did not answer, so the token could not be checked.',
  'diagnostics.chatrace.token.no_answer.fix':
    'Run the check again; if it persists, check that this server reaches CHATRACE_API_URL ({apiUrl}).',
  'diagnostics.chatrace.token.not_checked': 'Not checked: the stored token is malformed (see above).',
  'diagnostics.check.chatrace.last_delivery': 'Deliveries arrive',
  'diagnostics.chatrace.last_delivery.recent':
    'The last delivery from Chatrace arrived at {lastAt}; {count} in the last 24 hours.',
  'diagnostics.chatrace.last_delivery.never':
    'Nothing has arrived from Chatrace since this connection was made ({connectedAt}).',
  'diagnostics.chatrace.last_delivery.never.fix':
    'Chatrace only pushes, it cannot be polled: add an External Request action to the flow that receives Instagram messages, with the webhook URL and the X-Relaydesk-Token header shown on the Accounts page.',
  'diagnostics.chatrace.last_delivery.unreadable':
    '{count} deliveries in the last 7 days had no sender or text Relaydesk could find (the last at {lastAt}).',
  'diagnostics.chatrace.last_delivery.unreadable.fix':
    'Map the fields with JSONPath on the Accounts page, then replay those deliveries from the webhook log.',
  'diagnostics.check.jobs.queue': 'Job queue reachable',
  'diagnostics.jobs.queue.embedded':
    'The embedded job queue answers: {waiting} waiting, {active} running, {delayed} scheduled.',
  'diagnostics.jobs.queue.redis':
    'The job queue on Redis answers: {waiting} waiting, {active} running, {delayed} scheduled.',
  'diagnostics.jobs.queue.unreachable': 'The job queue does not answer.',
  'diagnostics.jobs.queue.unreachable.fix':
    'Start Redis or correct REDIS_URL. Deliveries are still stored meanwhile and are processed once the queue is back.',
  'diagnostics.check.jobs.dead': 'No dead jobs',
  'diagnostics.jobs.dead.none': 'No job has given up.',
  'diagnostics.jobs.dead.dead':
    '{count} jobs gave up after their last retry; the newest is {name} ({finishedAt}).',
  'diagnostics.jobs.dead.dead.fix':
    'Fix the cause named in the error, then retry them: POST /api/v1/jobs/:id/retry (instance administrator). Dead jobs are removed after RETENTION_JOB_DAYS days.',
  'diagnostics.jobs.dead.not_checked': 'Not checked: the job queue does not answer.',
  'diagnostics.check.jobs.lag': 'Jobs keep up',
  'diagnostics.jobs.lag.idle': 'No job is waiting.',
  'diagnostics.jobs.lag.keeping_up': 'The oldest waiting job has waited {seconds} s.',
  'diagnostics.jobs.lag.behind': 'The oldest waiting job ({name}) has waited {minutes} min.',
  'diagnostics.jobs.lag.behind.fix':
    'The worker is behind: look at the server log and CPU; with REDIS_URL, run more instances.',
  'diagnostics.jobs.lag.stuck':
    'The oldest waiting job ({name}) has waited {minutes} min: no worker is taking jobs.',
  'diagnostics.jobs.lag.stuck.fix':
    'Start the server (`relaydesk serve`); with REDIS_URL at least one instance must run. If it runs, its log says why it does not work the queue.',
  'diagnostics.jobs.lag.not_checked': 'Not checked: the job queue does not answer.',
  'diagnostics.check.database.reachable': 'Database reachable',
  'diagnostics.database.reachable.reachable': 'The {kind} database answers.',
  'diagnostics.database.reachable.unreachable': 'The database does not answer.',
  'diagnostics.database.reachable.unreachable.fix':
    'Start PostgreSQL or correct DATABASE_URL; with SQLite, check that DATA_DIR exists and is writable.',
  'diagnostics.check.database.migrations': 'Migrations current',
  'diagnostics.database.migrations.current': 'Every migration is applied.',
  'diagnostics.database.migrations.pending': '{count} migrations are not applied: {names}.',
  'diagnostics.database.migrations.pending.fix':
    'Run `relaydesk migrate`, or restart the server: it applies migrations at start.',
  'diagnostics.database.migrations.empty': 'The database is empty: no migration was ever applied to it.',
  'diagnostics.database.migrations.empty.fix':
    'If the server is running, this shell uses another database than the server: use its DATA_DIR or DATABASE_URL. Otherwise start the server, which creates the tables.',
  'diagnostics.database.migrations.not_checked': 'Not checked: the database does not answer.',
  'diagnostics.check.database.disk': 'Disk space',
  'diagnostics.database.disk.plenty': '{free} free of {total} in DATA_DIR ({percent}%).',
  'diagnostics.database.disk.low': 'Only {free} free of {total} in DATA_DIR ({percent}%).',
  'diagnostics.database.disk.low.fix':
    'Free disk space or move DATA_DIR to a larger disk; the daily cleanup prunes webhook bodies older than RETENTION_WEBHOOK_DAYS days.',
  'diagnostics.database.disk.full':
    'Only {free} free of {total} in DATA_DIR ({percent}%): writes fail soon, deliveries included.',
  'diagnostics.database.disk.full.fix': 'Free disk space now or move DATA_DIR to a larger disk.',
  'diagnostics.check_error': 'The check could not be completed.',
  'diagnostics.check_error.fix': 'Look at the detail below; run the check again once the cause is fixed.',
} as const;
