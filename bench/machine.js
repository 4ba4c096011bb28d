// What bench/all.js records about the machine: its hardware, and how much CPU processes that are
// not part of the benchmark used while it ran (another build or test on a shared machine skews
// every figure, so the table says so). Linux /proc only; elsewhere the load is reported unknown.
// Reading /proc once a second costs the runner a few milliseconds of CPU per second.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';

export function describeMachine() {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown CPU',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
  };
}

const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** per process: parent, cpu ticks used so far and start time, or null once it is gone */
function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces and parentheses: the fields start after the last ')'
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    return { comm, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), start: Number(f[19]) };
  } catch {
    return null;
  }
}

function read(path, encoding) {
  try {
    return readFileSync(path, encoding);
  } catch {
    return ''; // gone, or another user's
  }
}

/** the command and its script, e.g. "node vitest.mjs": which work it was, without its arguments */
function nameOf(comm, argv) {
  const script = argv.slice(1).find((a) => !a.startsWith('-'));
  return script ? `${comm} ${script.split('/').pop()}` : comm;
}

/**
 * 'ours' for the benchmark's processes: the runner's descendants, anything that inherited the run's
 * tag in its environment, and daemons a benchmark started outside its tree whose command line names
 * a `relaydesk-bench…` directory (pg_ctl's PostgreSQL: it rewrites its environment area for its
 * process titles, so the tag cannot be read there). 'kernel' for kernel threads, left out: they
 * mostly do the benchmark's own I/O. Otherwise the name the process's CPU is reported under.
 */
function classify(pid, stat, tag, cache) {
  const key = `${pid}:${stat.start}`;
  const known = cache.get(key);
  if (known) return known;
  let kind;
  if (pid === process.pid) kind = 'ours';
  else if (pid === 2 || stat.ppid === 2) kind = 'kernel';
  else {
    const argv = read(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const env = read(`/proc/${pid}/environ`, 'latin1').split('\0');
    const parent = stat.ppid > 1 ? readStat(stat.ppid) : null;
    if (env.includes(tag) || argv.some((a) => a.includes('relaydesk-bench'))) kind = 'ours';
    else if (parent && classify(stat.ppid, parent, tag, cache) === 'ours') kind = 'ours';
    else kind = nameOf(stat.comm, argv);
  }
  cache.set(key, kind);
  return kind;
}

function uptimeTicks() {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * clockTicks;
}

/**
 * Samples every second until stop(): the CPU used by processes other than the benchmark's (see
 * classify), as a number of cores (mean over the run and the busiest second), and the heaviest of them by
 * command name. stop() returns null where /proc is missing.
 */
export function watchOtherLoad(tag, intervalMs = 1000) {
  if (!existsSync('/proc/self/stat')) return { stop: () => null };
  const seen = new Map();
  const startedAt = uptimeTicks();
  /** per process ("pid:start"): 'ours', 'kernel' or the name its CPU is reported under */
  const kinds = new Map();
  /** CPU ticks of other processes by command name, for naming the heaviest */
  const byName = new Map();
  /** ticks used by other processes since the previous sample */
  const sample = () => {
    let used = 0;
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const pid = Number(name);
      const s = readStat(pid);
      if (!s) continue;
      const key = `${pid}:${s.start}`;
      const kind = classify(pid, s, tag, kinds);
      // a process born during the watch counts from its start; an older one from the first sample
      const base = seen.get(key) ?? (s.start >= startedAt ? 0 : null);
      if (base !== null && kind !== 'ours' && kind !== 'kernel' && s.ticks > base) {
        used += s.ticks - base;
        byName.set(kind, (byName.get(kind) ?? 0) + s.ticks - base);
      }
      seen.set(key, s.ticks);
    }
    return used;
  };
  sample();
  const began = performance.now();
  let last = began;
  let total = 0;
  let peak = 0;
  const timer = setInterval(() => {
    const used = sample();
    const now = performance.now();
    total += used;
    peak = Math.max(peak, used / clockTicks / ((now - last) / 1000));
    last = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const seconds = (last - began) / 1000;
      const top = [...byName]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name, ticks]) => ({ name, cpuSeconds: ticks / clockTicks }));
      return { meanCores: seconds > 0 ? total / clockTicks / seconds : 0, peakCores: peak, seconds, top };
    },
  };
}
