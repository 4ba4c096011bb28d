import type { inboxEn } from './en.js';

export type InboxDictionary = Record<keyof typeof inboxEn, string>;
