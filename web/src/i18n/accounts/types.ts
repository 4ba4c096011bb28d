import type { accountsEn } from './en.js';

export type AccountsDictionary = Record<keyof typeof accountsEn, string>;
