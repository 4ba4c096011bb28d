import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let seq = 0;

// One getrandom call per 512 ids instead of one per id: ids are made on the hot ingest path.
const pool = Buffer.alloc(16 * 512);
let poolOffset = pool.length;
function random16(): Buffer {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += 16;
  return Buffer.from(pool.subarray(poolOffset - 16, poolOffset));
}

/**
 * UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and serve keyset pagination on
 * both databases. A 12-bit counter keeps ids from one process monotonic within a millisecond.
 */
export function newId(now = Date.now()): string {
  if (now <= lastMs) {
    seq = (seq + 1) & 0xfff;
    if (seq === 0) lastMs += 1;
    now = lastMs;
  } else {
    lastMs = now;
    seq = 0;
  }
  const b = random16();
  // The counter starts at a random point each millisecond (RFC 9562 method 1, 12 bits).
  if (seq === 0) seq = b.readUInt16BE(14) & 0x3ff || 1;
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function nowIso(clock: () => number = Date.now): string {
  return new Date(clock()).toISOString();
}
