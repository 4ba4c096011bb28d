import { describe, expect, it } from 'vitest';
import { backoffDelay, jobNames } from './job-queue.js';

describe('backoffDelay', () => {
  const policy = { attempts: 10, backoffMs: 1_000, maxBackoffMs: 30_000 };

  it('doubles per attempt within ±20 % jitter', () => {
    for (const [attempt, base] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [5, 16_000],
    ] as const) {
      expect(backoffDelay(policy, attempt, () => 0)).toBe(base * 0.8);
      expect(backoffDelay(policy, attempt, () => 0.5)).toBe(base);
      expect(backoffDelay(policy, attempt, () => 0.999_999)).toBe(Math.round(base * 1.2));
    }
  });

  it('stays within the jitter bounds for any random draw', () => {
    for (let i = 0; i < 1_000; i++) {
      const d = backoffDelay(policy, 3);
      expect(d).toBeGreaterThanOrEqual(3_200);
      expect(d).toBeLessThanOrEqual(4_800);
    }
  });

  it('caps the base at maxBackoffMs, or at one hour without one', () => {
    expect(backoffDelay(policy, 20, () => 0.5)).toBe(30_000);
    expect(backoffDelay(policy, 20, () => 0.999_999)).toBe(36_000);
    expect(backoffDelay({ attempts: 99, backoffMs: 1_000 }, 40, () => 0.5)).toBe(3_600_000);
  });

  it('treats attempt 0 like the first attempt', () => {
    expect(backoffDelay(policy, 0, () => 0.5)).toBe(1_000);
  });
});

describe('jobNames', () => {
  it('lists each job once', () => {
    expect(new Set(jobNames).size).toBe(jobNames.length);
    expect(jobNames).toContain('process-deliveries');
  });
});
