import { defineCheck, type Finding, fail, pass, skip } from './diagnostic-check.js';
import type { DiagnosticDeps } from './diagnostic-context.js';

// Configuration: the environment parses, and the two Meta secrets a webhook needs are set.

export const configValid = defineCheck({
  id: 'config.valid',
  group: 'configuration',
  title: 'Configuration valid',
  outcomes: {
    valid: pass('The configuration is valid ({database}).'),
    demo: pass(
      'The configuration is valid. Demo mode: the simulator inside the running server plays Meta, so its accounts are checked on the Diagnostics page, not here.',
    ),
    invalid: fail(
      'The environment has {count} invalid variables, so Relaydesk does not start.',
      'Correct the variables listed in the detail (.env.example documents each one), then start again.',
    ),
  },
});

export const appSecretSet = defineCheck({
  id: 'config.app_secret',
  group: 'configuration',
  title: 'Instagram app secret set',
  outcomes: {
    set: pass('INSTAGRAM_APP_SECRET is set: every delivery from Meta has its signature checked.'),
    demo: pass("Demo mode: the built-in simulator's app secret signs and checks the webhooks."),
    missing: fail(
      'INSTAGRAM_APP_SECRET is not set, so every delivery from Meta is rejected.',
      'Copy the Instagram app secret from the App Dashboard (Instagram → API setup with Instagram login) into INSTAGRAM_APP_SECRET and restart.',
    ),
    not_used: skip('No Instagram app is configured and no Instagram account is connected.'),
  },
});

export const verifyTokenSet = defineCheck({
  id: 'config.verify_token',
  group: 'configuration',
  title: 'Webhook verify token set',
  outcomes: {
    set: pass('INSTAGRAM_WEBHOOK_VERIFY_TOKEN is set.'),
    demo: pass('Demo mode: the simulator needs no verification.'),
    missing: fail(
      "INSTAGRAM_WEBHOOK_VERIFY_TOKEN is not set, so Meta's verification of the callback URL fails.",
      'Choose a token (e.g. `openssl rand -hex 16`), set it as INSTAGRAM_WEBHOOK_VERIFY_TOKEN, restart, and enter the same value in App Dashboard → Webhooks.',
    ),
    not_used: skip('No Instagram app is configured and no Instagram account is connected.'),
  },
});

export function checkConfigValid(d: DiagnosticDeps): Finding {
  if (d.accountsElsewhere) return configValid.found('demo');
  return configValid.found('valid', {
    database: d.config.database.kind === 'postgres' ? 'PostgreSQL' : 'SQLite',
  });
}

/** a Meta app is meant to be used: its id is set, or an Instagram account is connected */
export async function instagramInUse(d: DiagnosticDeps): Promise<boolean> {
  if (d.config.INSTAGRAM_APP_ID) return true;
  const accounts = await d.accounts.listByProvider('instagram');
  return accounts.some((a) => a.status !== 'disconnected');
}

export async function checkAppSecret(d: DiagnosticDeps): Promise<Finding> {
  if (d.demo) return appSecretSet.found('demo');
  if (d.config.INSTAGRAM_APP_SECRET) return appSecretSet.found('set');
  return appSecretSet.found((await instagramInUse(d)) ? 'missing' : 'not_used');
}

export async function checkVerifyToken(d: DiagnosticDeps): Promise<Finding> {
  if (d.demo) return verifyTokenSet.found('demo');
  if (d.config.INSTAGRAM_WEBHOOK_VERIFY_TOKEN) return verifyTokenSet.found('set');
  return verifyTokenSet.found((await instagramInUse(d)) ? 'missing' : 'not_used');
}
