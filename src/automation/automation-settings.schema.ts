import { z } from 'zod';
import { quickReplies } from '../inbox/message.schema.js';
import { activeHours } from './dm-keyword.schema.js';

const reply = z.string().trim().min(1).max(1000);

/**
 * An account's conversation automations. Every field has a default, so an account without a
 * row behaves exactly like one with `{}`: nothing is sent until the owner switches it on, while
 * opt-out, takeover and the loop limit protect customers from the start.
 */
export const automationSettings = z.object({
  /** the answer to a customer's very first message, when no keyword rule answers it */
  welcome: z
    .object({
      enabled: z.boolean().default(false),
      text: reply.nullable().default(null),
      quickReplies: quickReplies.default([]),
    })
    .default({ enabled: false, text: null, quickReplies: [] }),
  /** outside business hours (any of the windows), when nothing else answers */
  away: z
    .object({
      enabled: z.boolean().default(false),
      text: reply.nullable().default(null),
      businessHours: z.array(activeHours).max(14).default([]),
      /** at most once per conversation in this many minutes */
      cooldownMinutes: z.number().int().min(0).max(10_080).default(720),
    })
    .default({ enabled: false, text: null, businessHours: [], cooldownMinutes: 720 }),
  /** thanks a customer who mentioned the account in their story */
  storyMention: z
    .object({ enabled: z.boolean().default(false), text: reply.nullable().default(null) })
    .default({ enabled: false, text: null }),
  /** STOP/СТОП silences automation for the contact, START/СТАРТ resumes it */
  optOut: z
    .object({
      enabled: z.boolean().default(true),
      /** sent once when a customer opts out; null: say nothing */
      stopText: reply.nullable().default(null),
      startText: reply.nullable().default(null),
    })
    .default({ enabled: true, stopText: null, startText: null }),
  /** automation pauses in a conversation this long after a person replies there */
  takeoverMinutes: z
    .number()
    .int()
    .min(0)
    .max(30 * 1440)
    .default(1440),
  /** loop protection: at most this many automated messages per conversation per hour */
  maxPerConversationPerHour: z.number().int().min(1).max(100).default(5),
});

export type AutomationSettings = z.infer<typeof automationSettings>;
export const settingsBody = automationSettings;
export const defaultSettings: AutomationSettings = automationSettings.parse({});

// The response spelled out: the body schema's defaults and transforms do not belong in an output schema.
const qr = z.array(z.object({ title: z.string(), payload: z.string() }));
const hours = z.object({ timezone: z.string(), days: z.array(z.number()), from: z.string(), to: z.string() });
export const settingsView = z.object({
  accountId: z.string(),
  welcome: z.object({ enabled: z.boolean(), text: z.string().nullable(), quickReplies: qr }),
  away: z.object({
    enabled: z.boolean(),
    text: z.string().nullable(),
    businessHours: z.array(hours),
    cooldownMinutes: z.number(),
  }),
  storyMention: z.object({ enabled: z.boolean(), text: z.string().nullable() }),
  optOut: z.object({
    enabled: z.boolean(),
    stopText: z.string().nullable(),
    startText: z.string().nullable(),
  }),
  takeoverMinutes: z.number(),
  maxPerConversationPerHour: z.number(),
  /** null: never saved (all defaults) */
  updatedAt: z.string().nullable(),
});
