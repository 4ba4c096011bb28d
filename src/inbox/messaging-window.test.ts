import { describe, expect, it } from 'vitest';
import { decideWindow, humanAgentWindowMs, standardWindowMs } from './messaging-window.js';

const last = Date.UTC(2026, 0, 10, 12, 0, 0);
const lastCustomerAt = new Date(last).toISOString();
const decide = (ageMs: number, author: 'human' | 'automation' = 'human', humanAgentEnabled = false) =>
  decideWindow({ now: last + ageMs, lastCustomerAt, author, humanAgentEnabled });

describe('the messaging window', () => {
  it('sends without a tag up to exactly 24 hours after the customer wrote', () => {
    expect(decide(0)).toEqual({ send: true, tag: null });
    expect(decide(standardWindowMs)).toEqual({ send: true, tag: null });
    expect(decide(standardWindowMs, 'automation')).toEqual({ send: true, tag: null });
  });

  it('refuses one millisecond later, naming when the window closed', () => {
    expect(decide(standardWindowMs + 1)).toEqual({
      send: false,
      closedAt: new Date(last + standardWindowMs).toISOString(),
      humanAgentAvailable: true,
    });
  });

  it('lets a person answer with HUMAN_AGENT for 7 days when the workspace allows it', () => {
    expect(decide(standardWindowMs + 1, 'human', true)).toEqual({ send: true, tag: 'HUMAN_AGENT' });
    expect(decide(humanAgentWindowMs, 'human', true)).toEqual({ send: true, tag: 'HUMAN_AGENT' });
    expect(decide(humanAgentWindowMs + 1, 'human', true)).toMatchObject({
      send: false,
      humanAgentAvailable: false,
    });
  });

  it('never uses HUMAN_AGENT for automation', () => {
    expect(decide(standardWindowMs + 1, 'automation', true)).toMatchObject({
      send: false,
      humanAgentAvailable: false,
    });
  });

  it('refuses before the customer has written at all', () => {
    expect(
      decideWindow({ now: last, lastCustomerAt: null, author: 'human', humanAgentEnabled: true }),
    ).toEqual({
      send: false,
      closedAt: null,
      humanAgentAvailable: false,
    });
  });
});
