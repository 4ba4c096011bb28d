import { chatraceDelivery, chatraceTokenFormat, chatraceTokenValid } from './diagnostic-chatrace.js';
import type { CheckDefinition } from './diagnostic-check.js';
import { appSecretSet, configValid, verifyTokenSet } from './diagnostic-config.js';
import { lastDelivery, pollingGap } from './diagnostic-delivery.js';
import { fieldsSubscribed, tokenExpiry, tokenValid } from './diagnostic-instagram.js';
import { permissionsGranted } from './diagnostic-permissions.js';
import {
  databaseReachable,
  deadJobs,
  diskSpace,
  migrationsCurrent,
  queueLag,
  queueReachable,
} from './diagnostic-system.js';
import {
  publicUrlHttps,
  publicUrlReachable,
  signaturesValid,
  verificationAnswered,
} from './diagnostic-webhook.js';

/** Every check there is, in report order: the dashboard's dictionaries and the docs are checked against it. */
export const allChecks: readonly CheckDefinition[] = [
  configValid,
  appSecretSet,
  verifyTokenSet,
  publicUrlHttps,
  publicUrlReachable,
  verificationAnswered,
  signaturesValid,
  tokenValid,
  tokenExpiry,
  permissionsGranted,
  fieldsSubscribed,
  lastDelivery,
  pollingGap,
  chatraceTokenFormat,
  chatraceTokenValid,
  chatraceDelivery,
  queueReachable,
  deadJobs,
  queueLag,
  databaseReachable,
  migrationsCurrent,
  diskSpace,
];
