import type { publishingEn } from './en.js';

export type PublishingDictionary = Record<keyof typeof publishingEn, string>;
