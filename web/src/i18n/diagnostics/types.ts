import type { diagnosticsEn } from './en.js';

export type DiagnosticsDictionary = Record<keyof typeof diagnosticsEn, string>;
