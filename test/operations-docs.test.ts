import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envSchema } from '../src/config.js';
import { healthRoutes } from '../src/http/health.routes.js';
import { createHttpServer, type HttpServer } from '../src/http/server.js';
import type { JobQueue } from '../src/jobs/job-queue.js';
import { createLogger } from '../src/logger.js';
import { Metrics } from '../src/metrics.js';

// What an operator reads must match what the code does: every variable of the env schema is in
// .env.example, every metric /metrics exposes is in docs/operations.md, every CLI command is in the
// README, and no relative link in the docs leads nowhere. (docs/diagnostics.md and its checks are
// covered by diagnostics-docs.test.ts.)

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');
const operations = read('docs/operations.md');

/** the markdown outside fenced code blocks, line by line (headings and links in code do not count) */
function proseLines(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return false;
    }
    return !fenced;
  });
}

/** a section's text: from its `## ` heading to the next heading of the same level */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`## ${heading}`);
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, repeats numbered */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of proseLines(markdown)) {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** relative link targets of a markdown file: inline links and images, outside code */
function relativeLinks(markdown: string): string[] {
  const targets: string[] = [];
  for (const line of proseLines(markdown)) {
    const prose = line.replace(/`[^`]*`/g, '');
    for (const m of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = m[1]!;
      if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) targets.push(target);
    }
  }
  return targets;
}

describe('operations documentation', () => {
  it('.env.example lists every variable of the env schema, and nothing else', () => {
    const example = read('.env.example');
    const listed = new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
    const schema = Object.keys(envSchema.shape);
    expect(schema.filter((key) => !listed.has(key))).toEqual([]);
    expect([...listed].filter((key) => !schema.includes(key))).toEqual([]);
    // README's Configuration section names the essentials and sends readers to .env.example
    expect(section(readme, 'Configuration')).toContain('`.env.example` documents each one');
  });

  describe('metrics', () => {
    let app: HttpServer | undefined;
    afterAll(() => app?.close());

    it('docs/operations.md describes every metric /metrics exposes, with its type and labels', async () => {
      const metrics = new Metrics();
      const queue = {
        ping: async () => true,
        counts: async () => ({ waiting: 0, delayed: 0, active: 0, completed: 0, dead: 0 }),
      } as unknown as JobQueue;
      app = await createHttpServer({ logger: createLogger('silent'), trustProxy: false });
      healthRoutes(app, { pingDb: async () => true, queue, metrics, accepting: () => true });
      const res = await app.inject({ url: '/metrics' });
      expect(res.statusCode).toBe(200);
      const exposed = [...res.body.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => ({
        name: m[1]!,
        type: m[2]!,
      }));
      // the registry's metrics, with their label names, plus the gauge written by hand in /metrics
      const labels = new Map<string, string[]>(
        metrics.registry
          .getMetricsAsArray()
          .map((m) => [m.name, (m as unknown as { labelNames: string[] }).labelNames]),
      );
      labels.set('relaydesk_jobs', ['state']);
      expect(exposed.map((m) => m.name).sort()).toEqual([...labels.keys()].sort());

      const rows = proseLines(section(operations, 'Metrics to watch')).filter((l) => l.startsWith('| `'));
      const problems = exposed.flatMap(({ name, type }) => {
        const row = rows.find((r) => r.startsWith(`| \`${name}\` | ${type} |`));
        if (!row) return [`${name}: no "| \`${name}\` | ${type} |" row`];
        return (labels.get(name) ?? [])
          .filter((label) => !row.includes(`\`${label}\``))
          .map((label) => `${name}: label ${label} not in its row`);
      });
      expect(problems).toEqual([]);
    });
  });

  it('docs/operations.md lists every redacted log path', () => {
    const source = read('src/logger.ts');
    const list = /(?:export )?const redact = \[([\s\S]*?)\];/.exec(source)?.[1] ?? '';
    const paths = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(0);
    const logs = section(operations, 'Logs');
    expect(paths.filter((p) => !logs.includes(`\`${p}\``))).toEqual([]);
  });

  it('README names every command and option of bin/relaydesk, and the help lists every command', () => {
    const main = read('src/main.ts');
    const help = /const help = `([\s\S]*?)`;/.exec(main)?.[1] ?? '';
    const commandBlock = help.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
    const usages = commandBlock
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s{2,}/)[0]!);
    expect(usages.length).toBeGreaterThan(0);
    const commands = usages.map((u) => {
      const words: string[] = [];
      for (const w of u.split(' ')) {
        if (!/^[a-z][a-z-]*$/.test(w)) break;
        words.push(w);
      }
      return words.join(' ');
    });
    // every command main() dispatches is in the help text
    const dispatched = [
      ...[...main.matchAll(/case '([a-z-]+)':/g)].map((m) => m[1]!),
      ...[...main.matchAll(/command === '([a-z-]+)'\) return/g)].map((m) => m[1]!),
    ];
    const top = new Set(commands.map((c) => c.split(' ')[0]!));
    expect(dispatched.filter((c) => !top.has(c))).toEqual([]);

    const commandLine = section(readme, 'Command line');
    expect(commands.filter((c) => !commandLine.includes(`relaydesk ${c}`))).toEqual([]);
    const options = [...new Set(usages.flatMap((u) => u.match(/--[a-z][a-z-]*/g) ?? []))];
    expect(options.filter((o) => !commandLine.includes(o))).toEqual([]);
  });

  it('every relative link in README.md and docs/*.md points to an existing file and heading', () => {
    const files = [
      'README.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const broken: string[] = [];
    for (const file of files) {
      const markdown = read(file);
      for (const link of relativeLinks(markdown)) {
        const [path = '', anchor] = link.split('#');
        const target = path ? resolve(root, dirname(file), decodeURI(path)) : join(root, file);
        if (!existsSync(target)) {
          broken.push(`${file}: ${link} (no file)`);
          continue;
        }
        if (anchor && target.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(anchor))
          broken.push(`${file}: ${link} (no heading #${anchor} in ${relative(root, target)})`);
      }
    }
    expect(broken).toEqual([]);
  });
});
