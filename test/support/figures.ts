import { appendFileSync } from 'node:fs';

/** one measured figure, in the row shape of bench/results.md (bench/all.js) */
export interface Figure {
  figure: string;
  value: number;
  /** what the value is measured against in the same run (e.g. acknowledged deliveries) */
  baseline?: number;
  target: string;
  pass: boolean;
}

/**
 * What a resilience test measured. Printed always; with RELAYDESK_FIGURES set (by `npm run
 * bench:resilience`) also appended to that file as a JSON line, so the figures reach
 * bench/results.md. Call it after the test's assertions: a figure reported is one that held.
 */
export function reportFigures(test: string, figures: Figure[]): void {
  for (const f of figures)
    console.log(`${test}: ${f.figure} ${f.value}${f.baseline === undefined ? '' : ` of ${f.baseline}`}`);
  const file = process.env.RELAYDESK_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ test, figures })}\n`);
}

/** a count that must equal its baseline (every acknowledged delivery answered once, …) */
export const all = (figure: string, value: number, baseline: number, what = 'all'): Figure => ({
  figure,
  value,
  baseline,
  target: `= ${what}`,
  pass: value === baseline,
});

/** a count with no target, shown for scale */
export const info = (figure: string, value: number): Figure => ({
  figure,
  value,
  target: 'informational',
  pass: true,
});

/** a count that must be zero (duplicates, leaks, 5xx answers) */
export const none = (figure: string, value: number): Figure => ({
  figure,
  value,
  target: '= 0',
  pass: value === 0,
});

/** how a test dialect is named in figures */
export const dbName = (dialect: string) => (dialect === 'postgres' ? 'PostgreSQL' : 'SQLite');
