import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { classifyGraphError, GraphError } from '../providers/instagram/graph-errors.js';
import { containerErrorMessage, publishOutcome } from './auto-post-failure.js';

const fixture = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/graph-api/${path}`, import.meta.url), 'utf8'));
const graphError = (status: number, body: unknown) => new GraphError(classifyGraphError(status, body));
const meta = (code: number, subcode?: number) =>
  graphError(400, { error: { code, error_subcode: subcode, message: 'm' } });

describe('what a failed Graph call means for a post', () => {
  it('maps Meta publishing errors to readable reasons', () => {
    const fetch = publishOutcome(
      graphError(400, fixture('errors/publish_9004_2207052_media_fetch_failed.observed.json')),
    );
    expect(fetch).toMatchObject({ kind: 'fail', code: 'media_rejected', tokenRejected: false });
    expect(fetch.kind === 'fail' && fetch.message).toMatch(
      /^Instagram could not fetch the media from its URL/,
    );
    expect(publishOutcome(meta(9, 2207042))).toEqual({
      kind: 'hold',
      message: expect.stringMatching(/maximum number of posts/),
    });
    expect(
      publishOutcome(graphError(400, fixture('errors/publish_9007_2207027_media_not_ready.observed.json'))),
    ).toEqual({
      kind: 'not_ready',
    });
    expect(publishOutcome(meta(24, 2207008))).toMatchObject({ kind: 'fail', code: 'container_expired' });
    expect(publishOutcome(meta(36004, 2207010))).toMatchObject({
      kind: 'fail',
      code: 'caption_limits_exceeded',
    });
    expect(publishOutcome(meta(25, 2207050))).toMatchObject({
      kind: 'fail',
      code: 'provider_rejected',
      message: 'The Instagram account is restricted',
    });
  });

  it('retries what may pass, noting when Meta may already have done the work', () => {
    expect(publishOutcome(meta(-1, 2207001))).toMatchObject({ kind: 'retry', code: 'provider_unavailable' });
    expect(publishOutcome(graphError(503, null))).toMatchObject({ kind: 'retry', outcomeUnknown: true });
    const timeout = new GraphError({ kind: 'transient', origin: 'timeout', message: 'timed out' });
    expect(publishOutcome(timeout)).toMatchObject({ kind: 'retry', outcomeUnknown: true });
    expect(publishOutcome(meta(4))).toMatchObject({
      kind: 'retry',
      code: 'provider_rate_limited',
      outcomeUnknown: false,
    });
    expect(publishOutcome(new Error('socket hang up'))).toMatchObject({
      kind: 'retry',
      outcomeUnknown: true,
    });
  });

  it('gives up on a refused token (and says so for the account) or a missing permission', () => {
    const token = publishOutcome(
      graphError(401, fixture('errors/oauth_190_467_user_logged_out.observed.json')),
    );
    expect(token).toMatchObject({ kind: 'fail', code: 'token_invalid', tokenRejected: true });
    expect(publishOutcome(meta(10))).toMatchObject({ kind: 'fail', code: 'permission_missing' });
    const ours = new AppError('media_not_public', 'Instagram cannot download x', 422);
    expect(publishOutcome(ours)).toMatchObject({ kind: 'fail', code: 'media_not_public' });
  });

  it('reads the reason of a container that ended in ERROR', () => {
    expect(containerErrorMessage({ errorSubcode: 2207052, status: 'Error: …' })).toMatch(
      /could not fetch the media/,
    );
    expect(containerErrorMessage({ errorSubcode: null, status: 'Error: unknown' })).toBe(
      'Instagram could not process the media (Error: unknown)',
    );
  });
});
