// The Instagram Graph API simulator (Instagram API with Instagram Login): demo mode, tests and
// `relaydesk simulate`. See server.ts for createSimulator and simulator-api.ts for what it offers.

export type { SimSettings } from './context.js';
export type { CustomerMessageInput } from './customer-events.js';
export type { DemoSeed } from './demo-seed.js';
export type { FaultMatch, FaultSpec, RevokeReason } from './faults.js';
export { createSimulator, type Simulator, type SimulatorOptions } from './server.js';
export type { SimulatorApi } from './simulator-api.js';
export type * from './types.js';
export type { DeliveryAttempt, WebhookDelivery } from './webhooks.js';
