import { randomBytes } from 'node:crypto';
import { defineCheck, type Finding, fail, pass, skip, warn } from './diagnostic-check.js';
import { DAY, type DiagnosticDeps } from './diagnostic-context.js';
import { probe } from './http-probe.js';

// Can Meta reach the webhook? PUBLIC_URL is https, answers from outside (this process asks it the
// way Meta would), echoes the verification challenge, and deliveries pass the signature check.
// https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests

const webhookPath = '/api/v1/instagram/webhook';
const reachFix =
  'Check that the server is running and that DNS, the firewall and the reverse proxy send PUBLIC_URL to it; the detail says what failed.';

export const publicUrlHttps = defineCheck({
  id: 'webhook.public_url',
  group: 'webhooks',
  title: 'PUBLIC_URL is https',
  outcomes: {
    https: pass('PUBLIC_URL is {url}.'),
    missing: fail(
      'PUBLIC_URL is not set: Meta has no callback address to deliver to, and Instagram Login cannot redirect back.',
      'Set PUBLIC_URL to the public https address of this server, e.g. https://relaydesk.example.com, and restart.',
    ),
    not_https: fail(
      'PUBLIC_URL is {url}, but Meta delivers webhooks only to https addresses.',
      'Serve Relaydesk over https (a reverse proxy with a certificate, and TRUST_PROXY=true) and set PUBLIC_URL to that address.',
    ),
    demo: skip('Demo mode: the built-in simulator delivers to this server directly.'),
  },
});

export const publicUrlReachable = defineCheck({
  id: 'webhook.reachable',
  group: 'webhooks',
  title: 'PUBLIC_URL reachable',
  outcomes: {
    reachable: pass('{url}/healthz answered in {ms} ms.'),
    unreachable: fail('{url}/healthz could not be reached.', reachFix),
    wrong_answer: fail(
      "{url}/healthz answered HTTP {status} instead of Relaydesk's 200.",
      "Something other than Relaydesk answers at PUBLIC_URL (a proxy error page, another app): point the proxy at Relaydesk's PORT.",
    ),
    no_url: skip('Without PUBLIC_URL there is nothing to reach.'),
  },
});

export const verificationAnswered = defineCheck({
  id: 'webhook.verification',
  group: 'webhooks',
  title: 'Webhook verification answered',
  outcomes: {
    answered: pass("The webhook address answers Meta's verification request with the configured token."),
    refused: fail(
      'The server at PUBLIC_URL refused the configured verify token (HTTP {status}).',
      'The running server uses another INSTAGRAM_WEBHOOK_VERIFY_TOKEN than this configuration: use one value in the environment and in App Dashboard → Webhooks, and restart the server.',
    ),
    wrong_echo: fail(
      'The webhook address answered HTTP {status} without echoing hub.challenge.',
      'Something between Meta and Relaydesk changes the answer (a proxy page, a redirect to a login): route {path} straight to Relaydesk.',
    ),
    unreachable: fail('The webhook address could not be reached.', reachFix),
    not_checked: skip('Needs PUBLIC_URL and INSTAGRAM_WEBHOOK_VERIFY_TOKEN (see above).'),
  },
});

export const signaturesValid = defineCheck({
  id: 'webhook.signatures',
  group: 'webhooks',
  title: 'Delivery signatures valid',
  outcomes: {
    valid: pass('No delivery from Meta was rejected for its signature in the last 7 days.'),
    some_rejected: warn(
      '{count} deliveries from Meta were rejected for their signature in the last 7 days (the last at {lastAt}); valid ones arrived after it.',
      'Rejections between valid deliveries usually come from another app or a probe. If they continue, compare INSTAGRAM_APP_SECRET with the app that sends them.',
    ),
    rejected: fail(
      'The newest delivery from Meta ({lastAt}) was rejected for its signature, and {count} in the last 7 days.',
      'Set INSTAGRAM_APP_SECRET to the secret of the app whose webhooks arrive (App Dashboard → Instagram → API setup with Instagram login), restart, and make sure no proxy alters the body. Meta retries each delivery for up to 36 hours.',
    ),
    none_yet: skip('No delivery from Meta has arrived yet.'),
  },
});

const displayUrl = (u: URL) => `${u.origin}${u.pathname.replace(/\/$/, '')}`;

export function publicUrl(d: DiagnosticDeps): URL | null {
  return d.config.PUBLIC_URL ? new URL(d.config.PUBLIC_URL) : null;
}

export function checkPublicUrl(d: DiagnosticDeps): Finding {
  const url = publicUrl(d);
  if (!url) return publicUrlHttps.found(d.demo ? 'demo' : 'missing');
  const params = { url: displayUrl(url) };
  return publicUrlHttps.found(url.protocol === 'https:' ? 'https' : 'not_https', params);
}

export async function checkReachable(d: DiagnosticDeps): Promise<Finding> {
  const url = publicUrl(d);
  if (!url) return publicUrlReachable.found('no_url');
  const base = displayUrl(url);
  const res = await probe(d.fetch, `${base}/healthz`, d.probeTimeoutMs ?? 5_000);
  if (!res.ok) return publicUrlReachable.found('unreachable', { url: base }, { detail: res.reason });
  if (res.status !== 200 || !res.body.includes('"ok"'))
    return publicUrlReachable.found('wrong_answer', { url: base, status: res.status });
  return publicUrlReachable.found('reachable', { url: base, ms: res.ms });
}

export async function checkVerification(d: DiagnosticDeps): Promise<Finding> {
  const url = publicUrl(d);
  const token = d.config.INSTAGRAM_WEBHOOK_VERIFY_TOKEN;
  if (!url || !token) return verificationAnswered.found('not_checked');
  const challenge = randomBytes(12).toString('hex');
  const query = new URLSearchParams({
    'hub.mode': 'subscribe',
    'hub.verify_token': token,
    'hub.challenge': challenge,
  });
  // The token travels only to our own PUBLIC_URL, exactly as Meta sends it; it is never shown.
  const res = await probe(d.fetch, `${displayUrl(url)}${webhookPath}?${query}`, d.probeTimeoutMs ?? 5_000);
  if (!res.ok) return verificationAnswered.found('unreachable', {}, { detail: res.reason });
  if (res.status === 403) return verificationAnswered.found('refused', { status: res.status });
  if (res.status !== 200 || res.body.trim() !== challenge)
    return verificationAnswered.found('wrong_echo', { status: res.status, path: webhookPath });
  return verificationAnswered.found('answered');
}

export async function checkSignatures(d: DiagnosticDeps): Promise<Finding> {
  const since = new Date(d.clock() - 7 * DAY).toISOString();
  const [failures, lastValid] = await Promise.all([
    d.repo.signatureFailures(since),
    d.repo.lastValidMetaDelivery(),
  ]);
  const link = '/deliveries?source=meta&signatureValid=false';
  if (!failures.lastAt) return signaturesValid.found(lastValid ? 'valid' : 'none_yet');
  const params = { count: failures.count, lastAt: failures.lastAt };
  const extra = { detail: failures.lastError, link };
  if (lastValid && lastValid > failures.lastAt) return signaturesValid.found('some_rejected', params, extra);
  return signaturesValid.found('rejected', params, extra);
}
