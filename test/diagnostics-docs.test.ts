import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../src/diagnostics/diagnostic-registry.js';

// Scripts switch on a check's id and outcome code (`relaydesk doctor --json`): docs/diagnostics.md
// lists every one with its verdict, and README's Troubleshooting names every check.

const root = join(import.meta.dirname, '..');
const doc = readFileSync(join(root, 'docs', 'diagnostics.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('diagnostics documentation', () => {
  it('lists every check and every outcome code with its verdict', () => {
    const missing = allChecks.flatMap((c) => [
      ...(doc.includes(`### \`${c.id}\``) ? [] : [c.id]),
      ...Object.entries(c.outcomes)
        .filter(([code, o]) => !doc.includes(`| \`${code}\` | ${o.verdict} |`))
        .map(([code]) => `${c.id}.${code}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('names every check in the README', () => {
    expect(allChecks.map((c) => c.id).filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});
