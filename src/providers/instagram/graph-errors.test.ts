import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphStub,
  graphFixture,
  graphFixtureNames,
  makeGraphClient,
  startGraphStub,
  TEST_TOKEN,
} from '../../../test/support/graph-stub-server.js';
import { publishingErrorMessage } from './graph-error-messages.js';
import { classifyGraphError, GraphError, type GraphErrorKind, insightsUnavailable } from './graph-errors.js';

// Every error body in test/fixtures/graph-api/errors/ goes through the client (served with HTTP
// 400 by the local stub) and must come out as the expected kind, codes and readable message.

interface Expected {
  kind: GraphErrorKind;
  code: number | null;
  subcode: number | null;
  message: RegExp;
  origin?: 'graph' | 'oauth';
  userMessage?: RegExp;
}

const expected: Record<string, Expected> = {
  'graph_error_template.doc.json': {
    kind: 'token_invalid',
    code: 190,
    subcode: 460,
    message: /password was changed/,
  },
  'ig_handover_10_2018300_another_app_controls_thread.doc.json': {
    kind: 'permission',
    code: 10,
    subcode: 2018300,
    message: /another app is controlling this thread/,
  },
  'ig_login_oauth_access_token_rejected.doc.json': {
    kind: 'bad_request',
    code: 400,
    subcode: null,
    origin: 'oauth',
    message: /OAuth request refused \(code 400\): Matching code was not found/,
  },
  'ig_media_delete_-1_2207073_not_supported.doc.json': {
    kind: 'bad_request',
    code: -1,
    subcode: 2207073,
    message: /^This media type is not supported by this endpoint \(code -1, subcode 2207073\)/,
    userMessage: /not supported for this endpoint/,
  },
  'ig_publishing_36000_2207004_image_too_large.doc.json': {
    kind: 'bad_request',
    code: 36000,
    subcode: 2207004,
    message: /^The image is too large to download/,
    userMessage: /less than 8 MiB/,
  },
  'messaging_100_2018001_no_matching_user.observed.json': {
    kind: 'recipient_unavailable',
    code: 100,
    subcode: 2018001,
    message: /cannot receive messages.*No matching user found/,
  },
  'messaging_10_2018065_outside_window_news.observed.json': {
    kind: 'outside_window',
    code: 10,
    subcode: 2018065,
    message: /^Outside the messaging window/,
  },
  'messaging_10_2018278_outside_window.ASSEMBLED.json': {
    kind: 'outside_window',
    code: 10,
    subcode: 2018278,
    message: /last 24 hours/,
  },
  'messaging_551_1545041_person_unavailable.observed.json': {
    kind: 'recipient_unavailable',
    code: 551,
    subcode: 1545041,
    message: /isn't available right now/,
  },
  'messaging_ig_login_10_2534022_outside_window_IGApiException.observed.json': {
    kind: 'outside_window',
    code: 10,
    subcode: 2534022,
    message: /outside of allowed window/,
  },
  'messenger_error_template.doc.json': {
    kind: 'token_invalid',
    code: 190,
    subcode: 1234567,
    message: /invalid, expired or revoked/,
  },
  'oauth_190_463_session_expired.observed.json': {
    kind: 'token_invalid',
    code: 190,
    subcode: 463,
    message: /token has expired/,
  },
  'oauth_190_467_user_logged_out.observed.json': {
    kind: 'token_invalid',
    code: 190,
    subcode: 467,
    message: /logged out/,
  },
  'oauth_190_cannot_parse_access_token.observed.json': {
    kind: 'token_invalid',
    code: 190,
    subcode: null,
    message: /Cannot parse access token/,
  },
  'param_100_33_unsupported_get_IGApiException.observed.json': {
    kind: 'not_found',
    code: 100,
    subcode: 33,
    message: /does not exist/,
  },
  'param_100_nonexisting_field.observed.json': {
    kind: 'bad_request',
    code: 100,
    subcode: null,
    message: /nonexisting field/,
  },
  'param_100_unsupported_request_method_get_IGApiException.observed.json': {
    kind: 'bad_request',
    code: 100,
    subcode: null,
    message: /Unsupported request - method type: get/,
  },
  'permission_10_ig_login_IGApiException.observed.json': {
    kind: 'permission',
    code: 10,
    subcode: null,
    message: /not allowed.*does not have permission/,
  },
  'publish_9004_2207052_media_fetch_failed.observed.json': {
    kind: 'bad_request',
    code: 9004,
    subcode: 2207052,
    message: /could not fetch the media from its URL/,
    userMessage: /No se ha podido recuperar/,
  },
  // "not ready yet" succeeds when simply retried, so it is transient rather than bad_request
  'publish_9007_2207027_media_not_ready.observed.json': {
    kind: 'transient',
    code: 9007,
    subcode: 2207027,
    message: /not ready for publishing yet/,
  },
  'rate_limit_17_user_request_limit.ASSEMBLED.json': {
    kind: 'rate_limited',
    code: 17,
    subcode: null,
    message: /too many calls/,
  },
  'rate_limit_32_page_request_limit.observed.json': {
    kind: 'rate_limited',
    code: 32,
    subcode: null,
    message: /rate limit/,
  },
  'rate_limit_4_application_request_limit.observed.json': {
    kind: 'rate_limited',
    code: 4,
    subcode: null,
    message: /the app made too many calls/,
  },
  'rate_limit_613_2534040.ASSEMBLED.json': {
    kind: 'rate_limited',
    code: 613,
    subcode: 2534040,
    message: /rate limit/,
  },
  'restfb_ig_login_exception_IGApiException_2500.json': {
    kind: 'bad_request',
    code: 2500,
    subcode: null,
    message: /Unknown path components/,
  },
};

const IG = '17841405309211844';
let stub: GraphStub;
beforeAll(async () => {
  stub = await startGraphStub();
});
afterAll(() => stub.close());

async function failWith(body: unknown, status = 400): Promise<{ err: GraphError; lines: string[] }> {
  stub.on('GET', '/v23.0/17918920912340654', { status, body });
  const { client, lines } = makeGraphClient(stub);
  const err = await client
    .getMedia({ accessToken: TEST_TOKEN, igUserId: IG }, '17918920912340654')
    .catch((e) => e);
  expect(err).toBeInstanceOf(GraphError);
  return { err, lines };
}

const errorFiles = graphFixtureNames('errors').filter((f) => !f.startsWith('TABLE_'));

describe('GraphClient maps every error fixture', () => {
  it('has an expectation for every file in the errors folder', () => {
    expect(errorFiles.filter((f) => !(f in expected))).toEqual([]);
  });

  it.each(errorFiles)('%s', async (file) => {
    const want = expected[file]!;
    const body = graphFixture(`errors/${file}`) as { error?: { fbtrace_id?: string } };
    const { err, lines } = await failWith(body);
    expect(err.kind).toBe(want.kind);
    expect(err.code).toBe(want.code);
    expect(err.subcode).toBe(want.subcode);
    expect(err.origin).toBe(want.origin ?? 'graph');
    expect(err.message).toMatch(want.message);
    expect(err.httpStatus).toBe(400);
    expect(err.fbtraceId).toBe(body.error?.fbtrace_id ?? null);
    if (want.userMessage) expect(err.userMessage).toMatch(want.userMessage);
    if (want.kind === 'rate_limited') expect(err.retryAfterMs).toBe(60_000);
    else expect(err.retryAfterMs).toBeUndefined();
    expect(err.retryable).toBe(want.kind === 'rate_limited' || want.kind === 'transient');
    for (const text of [err.message, ...lines]) expect(text).not.toContain(TEST_TOKEN);
  });
});

interface PublishingRow {
  http_status: number;
  code: number;
  error_subcode: number;
  user_message: string;
}

describe('Meta publishing error table (TABLE_instagram_content_publishing_error_codes)', () => {
  const rows = (
    graphFixture('errors/TABLE_instagram_content_publishing_error_codes.doc.json') as {
      rows: PublishingRow[];
    }
  ).rows;
  const special: Record<number, GraphErrorKind> = {
    2207001: 'transient',
    2207003: 'transient',
    2207027: 'transient',
    2207053: 'transient',
    2207042: 'rate_limited',
    2207051: 'rate_limited',
  };

  it.each(rows.map((r) => [r.code, r.error_subcode, r] as const))('%i / %i', async (_c, _s, row) => {
    const { err } = await failWith(
      {
        error: {
          message: 'Fatal',
          type: 'OAuthException',
          code: row.code,
          error_subcode: row.error_subcode,
          error_user_msg: row.user_message,
        },
      },
      row.http_status,
    );
    expect(err.kind).toBe(special[row.error_subcode] ?? 'bad_request');
    expect(err.subcode).toBe(row.error_subcode);
    const readable = publishingErrorMessage(row.error_subcode);
    expect(readable).not.toMatch(/\{|could not publish the media \(error/);
    expect(err.message).toContain(readable);
  });
});

interface MessengerRow {
  code: number;
  error_subcode: number | null;
  message: string;
}

describe('Messenger platform error table (TABLE_messenger_platform_error_codes_ig_subset)', () => {
  const rows = (
    graphFixture('errors/TABLE_messenger_platform_error_codes_ig_subset.doc.json') as { rows: MessengerRow[] }
  ).rows;
  const want: Record<string, GraphErrorKind> = {
    '1/99': 'transient',
    '2/-': 'transient',
    '4/-': 'rate_limited',
    '10/2534022': 'outside_window',
    '10/2534077': 'permission',
    '10/2018278': 'outside_window',
    '10/2018065': 'outside_window',
    '10/2018108': 'recipient_unavailable',
    '10/1893063': 'permission',
    '100/-': 'bad_request',
    '100/33': 'not_found',
    '100/2018001': 'recipient_unavailable',
    '100/2018008': 'bad_request',
    '100/2018047': 'bad_request',
    '100/2018109': 'bad_request',
    '100/2534013': 'bad_request',
    '100/2534014': 'recipient_unavailable',
    '100/2534015': 'bad_request',
    '100/2534025': 'bad_request',
    '100/2534029': 'bad_request',
    '100/2534037': 'bad_request',
    '190/-': 'token_invalid',
    '200/-': 'permission',
    '200/1545041': 'recipient_unavailable',
    '200/2534041': 'permission',
    '551/-': 'recipient_unavailable',
    '551/1545041': 'recipient_unavailable',
    '613/2534040': 'rate_limited',
    '2018300/-': 'permission',
    '9000001/-': 'not_found',
    '36103/-': 'permission',
  };
  const key = (r: MessengerRow) => `${r.code}/${r.error_subcode ?? '-'}`;

  it('expects a kind for every row', () => {
    expect(rows.map(key).filter((k) => !(k in want))).toEqual([]);
  });

  it.each(rows.map((r) => [key(r), r] as const))('%s', async (k, row) => {
    const body = {
      error: {
        message: row.message,
        type: 'OAuthException',
        code: row.code,
        error_subcode: row.error_subcode,
      },
    };
    const { err } = await failWith(body);
    expect(err.kind).toBe(want[k]);
    expect(err.message).toContain(row.message);
  });
});

describe('classifyGraphError without a Graph body', () => {
  it.each([
    [500, null, 'transient'],
    [503, '<html>busy</html>', 'transient'],
    [429, null, 'rate_limited'],
    [401, null, 'token_invalid'],
    [403, null, 'permission'],
    [404, null, 'not_found'],
    [400, 'oops', 'bad_request'],
  ] as const)('HTTP %i → %s', (status, body, kind) => {
    const init = classifyGraphError(status, body);
    expect(init.kind).toBe(kind);
    expect(init.origin).toBe('http');
  });

  it('prefers the code over the HTTP status, and is_transient marks unknown codes transient', () => {
    expect(classifyGraphError(500, { error: { code: 190, message: 'x' } }).kind).toBe('token_invalid');
    expect(classifyGraphError(400, { error: { code: 12345, is_transient: true } }).kind).toBe('transient');
    expect(classifyGraphError(400, { error: { code: 80002 } }).kind).toBe('rate_limited');
    expect(classifyGraphError(400, { error: { code: '190', error_subcode: '463' } })).toMatchObject({
      kind: 'token_invalid',
      code: 190,
      subcode: 463,
    });
  });

  it('a 2xx that carries an error object is still an error', async () => {
    const { err } = await failWith(graphFixture('errors/oauth_190_463_session_expired.observed.json'), 200);
    expect(err.kind).toBe('token_invalid');
    expect(err.httpStatus).toBe(200);
  });
});

describe('insights that do not exist', () => {
  const err = (body: Record<string, unknown>) => new GraphError(classifyGraphError(400, { error: body }));

  it('tells "not enough viewers" and media from before the business conversion from a missing permission', () => {
    const viewers = err({
      code: 10,
      type: 'OAuthException',
      message: '(#10) Not enough viewers for the media to show insights',
    });
    expect(viewers.kind).toBe('permission');
    expect(insightsUnavailable(viewers)).toBe('not_enough_viewers');
    const converted = err({
      code: 10,
      error_subcode: 2108006,
      message: '(#10) Media Posted Before Business Account Conversion',
    });
    expect(insightsUnavailable(converted)).toBe('posted_before_business_conversion');
    expect(
      insightsUnavailable(
        err({ code: 10, message: '(#10) Application does not have permission for this action' }),
      ),
    ).toBeNull();
    expect(insightsUnavailable(err({ code: 100, message: 'Not enough viewers' }))).toBeNull();
  });
});
