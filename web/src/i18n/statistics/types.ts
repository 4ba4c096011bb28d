import type { statisticsEn } from './en.js';

export type StatisticsDictionary = Record<keyof typeof statisticsEn, string>;
