// The inbox benchmark's data set, generated deterministically (same seed, same rows) so that any
// row can be rebuilt from its index without keeping a million objects in memory: the seeder
// streams rows in time order, the measurements pick random ids by index.
//
// Shape: one workspace, one Instagram account, C contacts with one conversation each, N messages.
// Conversations are active for a few days to weeks somewhere in the last 90 days and get a
// log-normally skewed share of the messages (1 to a few hundred; 50 on average). About 10 % of
// conversations end with 1–4 unread customer messages after the operator's last reply.

const DAY = 86_400_000;
export const SPAN_MS = 90 * DAY;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** a PRNG of its own for row i of stream s, so a row is the same whichever order rows are built in */
export function rowRng(seed, stream, i) {
  return mulberry32(Math.imul(seed ^ (stream * 0x9e3779b9), 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
}

/** UUIDv7 for a given time (src/db/ids.ts makes them for "now" only, monotonic per process) */
export function uuidv7(ms, rnd) {
  const hex = (bits) =>
    Math.floor(rnd() * 2 ** bits)
      .toString(16)
      .padStart(bits / 4, '0');
  const t = ms.toString(16).padStart(12, '0');
  const variant = (8 + Math.floor(rnd() * 4)).toString(16);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${hex(12)}-${variant}${hex(12)}-${hex(24)}${hex(24)}`;
}

function gaussian(r) {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

/**
 * Everything about the data set that is not per-row text: which conversation each message
 * (in time order) belongs to, its time, direction, and each conversation's summary.
 */
export function makePlan({ messages: N, conversations: C, seed = 20261122, now = Date.now() }) {
  if (N < C) throw new Error('--messages must be at least --conversations');
  if (SPAN_MS * C >= 2 ** 53) throw new Error('too many conversations for the packed sort key');
  const start = now - SPAN_MS;
  const r = mulberry32(seed);
  const convFrom = new Float64Array(C);
  const convTo = new Float64Array(C);
  const counts = new Int32Array(C).fill(1);
  const weights = new Float64Array(C);
  let sumW = 0;
  for (let c = 0; c < C; c++) {
    const length = Math.min(SPAN_MS - 1, Math.floor(-Math.log(1 - r()) * 12 * DAY) + 60_000);
    convFrom[c] = Math.floor(r() * (SPAN_MS - length));
    convTo[c] = convFrom[c] + length;
    weights[c] = Math.exp(gaussian(r));
    sumW += weights[c];
  }
  let left = N - C;
  for (let c = 0; c < C; c++) {
    const share = Math.floor((weights[c] / sumW) * (N - C));
    counts[c] += share;
    left -= share;
  }
  while (left-- > 0) counts[Math.floor(r() * C)]++;

  // Sort key: time offset * C + conversation, so one typed-array sort puts messages in time order.
  const keys = new Float64Array(N);
  let k = 0;
  for (let c = 0; c < C; c++) {
    keys[k++] = convFrom[c] * C + c;
    for (let j = 1; j < counts[c]; j++) {
      keys[k++] = (convFrom[c] + Math.floor(r() * (convTo[c] - convFrom[c]))) * C + c;
    }
  }
  keys.sort();

  const conv = new Int32Array(N);
  const ts = new Float64Array(N);
  const prev = new Int32Array(N);
  const inbound = new Uint8Array(N);
  const deleted = new Uint8Array(N);
  const first = new Int32Array(C).fill(-1);
  const last = new Int32Array(C).fill(-1);
  for (let i = 0; i < N; i++) {
    const off = Math.floor(keys[i] / C);
    const c = keys[i] - off * C;
    conv[i] = c;
    ts[i] = start + off;
    prev[i] = last[c];
    if (first[c] < 0) first[c] = i;
    last[c] = i;
    // Customers open conversations; afterwards slightly more inbound than outbound.
    inbound[i] = first[c] === i || r() < 0.55 ? 1 : 0;
    deleted[i] = first[c] !== i && r() < 0.005 ? 1 : 0;
  }

  // Unread: the last 1–4 messages are the customer's, after the operator's last reply (which is
  // when the operator last read the conversation). Read conversations were read at their last message.
  const unread = new Int32Array(C);
  const operatorReadAt = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let i = last[c];
    if (r() >= 0.1) {
      operatorReadAt[c] = ts[i];
      continue;
    }
    const tail = 1 + Math.floor(r() * 4);
    for (let n = 0; n < tail && i >= 0; n++, i = prev[i]) {
      inbound[i] = 1;
      deleted[i] = 0;
    }
    if (i >= 0) {
      inbound[i] = 0;
      deleted[i] = 0;
    }
    operatorReadAt[c] = i >= 0 ? ts[i] : -1;
  }
  // Exactly what MessageRepository.countInboundSince(operator_read_at) would count.
  const lastInbound = new Float64Array(C).fill(-1);
  for (let i = 0; i < N; i++) {
    const c = conv[i];
    if (inbound[i]) lastInbound[c] = ts[i];
    if (inbound[i] && !deleted[i] && ts[i] > operatorReadAt[c]) unread[c]++;
  }
  return {
    N,
    C,
    seed,
    now,
    conv,
    ts,
    prev,
    inbound,
    deleted,
    first,
    last,
    counts,
    unread,
    operatorReadAt,
    lastInbound,
  };
}
