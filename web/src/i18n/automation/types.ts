import type { automationEn } from './en.js';

export type AutomationDictionary = Record<keyof typeof automationEn, string>;
