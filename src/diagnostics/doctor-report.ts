import type { DiagnosticReport } from './diagnostic.service.js';
import type { CheckGroup, CheckResult, Verdict } from './diagnostic-check.js';

// `relaydesk doctor` as text: one line per check, grouped like the dashboard, and under every
// check that did not pass the fix (and the raw detail) indented, so the report reads top-down.

const label: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

const groupTitle: Record<CheckGroup, string> = {
  configuration: 'Configuration',
  webhooks: 'Webhooks',
  instagram: 'Instagram',
  chatrace: 'Chatrace',
  jobs: 'Jobs',
  database: 'Database',
};

function heading(c: CheckResult): string {
  const title = groupTitle[c.group];
  if (!c.account) return title;
  const who = c.account.username ? `@${c.account.username}` : c.account.externalId;
  return c.account.username ? `${title} ${who} (${c.account.externalId})` : `${title} ${who}`;
}

export function formatReport(report: DiagnosticReport): string {
  const lines: string[] = [`Relaydesk doctor, ${report.generatedAt.slice(0, 19).replace('T', ' ')} UTC`];
  let current = '';
  for (const c of report.checks) {
    const h = heading(c);
    if (h !== current) {
      lines.push('', h);
      current = h;
    }
    lines.push(`  ${label[c.verdict]}  ${c.title}: ${c.message}`);
    if (c.verdict === 'pass' || c.verdict === 'skip') continue;
    if (c.fix) lines.push(`        Fix: ${c.fix}`);
    if (c.detail) lines.push(...c.detail.split('\n').map((d, i) => `        ${i ? '  ' : 'Detail: '}${d}`));
  }
  const { fail, warn, pass, skip } = report.counts;
  lines.push(
    '',
    `${fail} failed, ${warn} ${warn === 1 ? 'warning' : 'warnings'}, ${pass} passed, ${skip} skipped (${report.durationMs} ms).`,
  );
  return lines.join('\n');
}
