import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redact } from './logger.js';

describe('log redaction', () => {
  it('hides secrets at the top, one and two levels down', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = pino({ redact: { paths: redact, censor: '[redacted]' } }, sink);
    log.info({
      token: 'top-secret-1',
      account: { accessToken: 'top-secret-2' },
      err: { config: { token: 'top-secret-3', secret: 'top-secret-4' } },
      kept: { username: 'vesna.atelier' },
    });
    const line = lines.join('');
    expect(line).not.toMatch(/top-secret/);
    expect(line).toContain('vesna.atelier');
    expect(JSON.parse(line).err.config.token).toBe('[redacted]');
  });
});
