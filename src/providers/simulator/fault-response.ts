import { GraphError } from './errors.js';
import type { ActiveFault } from './faults.js';

// What an injected fault answers. Messages for well-known codes are Meta's own (see the bodies
// in shared/fixtures/graph-api/errors/), so a fault only needs a code to look real.

const KNOWN: Record<string, { message: string; type?: string; isTransient?: boolean }> = {
  '1': { message: 'An unknown error occurred', isTransient: true },
  '2': { message: 'An unexpected error has occurred. Please retry your request later.', isTransient: true },
  '4': { message: '(#4) Application request limit reached', isTransient: true },
  '10': { message: 'Application does not have permission for this action', type: 'IGApiException' },
  '10/2534022': { message: 'This message is sent outside of allowed window.', type: 'IGApiException' },
  '10/2018278': {
    message:
      '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
  },
  '17': { message: '(#17) User request limit reached' },
  '32': { message: '(#32) Page request limit reached' },
  '100': { message: '(#100) Invalid parameter' },
  '100/2018001': { message: '(#100) No matching user found' },
  '190': { message: 'Invalid OAuth access token - Cannot parse access token' },
  '551/1545041': { message: "(#551) This person isn't available right now." },
  '613': { message: 'Calls to this api have exceeded the rate limit.' },
  '613/2534040': { message: 'Calls to this api have exceeded the rate limit.' },
  '9007/2207027': { message: 'Media ID is not available' },
  '80002': {
    message:
      'There have been too many calls to this Instagram account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.',
  },
};

export type FaultAnswer =
  | { kind: 'graph'; error: GraphError; exhausted?: { scope: 'app' | 'account'; regainMinutes: number } }
  | { kind: 'raw'; status: number; contentType: string; body: string }
  | { kind: 'hang' };

export function faultAnswer(fault: ActiveFault): FaultAnswer {
  const spec = fault.spec;
  switch (spec.kind) {
    case 'error': {
      const known = KNOWN[`${spec.code}/${spec.subcode}`] ?? KNOWN[String(spec.code)];
      const error = new GraphError({
        message: spec.message ?? known?.message ?? `(#${spec.code}) Simulated error`,
        code: spec.code,
        subcode: spec.subcode,
        type: spec.type ?? known?.type,
        status: spec.status ?? (spec.code === 1 || spec.code === 2 ? 500 : 400),
        isTransient: spec.isTransient ?? known?.isTransient,
      });
      return { kind: 'graph', error };
    }
    case 'rate_limit': {
      const scope = spec.scope ?? 'app';
      const code = spec.code ?? (scope === 'app' ? 4 : 80002);
      const known = KNOWN[String(code)];
      const error = new GraphError({
        message: known?.message ?? `(#${code}) Rate limit reached`,
        code,
        status: spec.status ?? 429,
        isTransient: code === 4 ? true : undefined,
      });
      return { kind: 'graph', error, exhausted: { scope, regainMinutes: spec.regainAccessMinutes ?? 5 } };
    }
    case 'http':
      if (spec.body !== undefined) {
        return {
          kind: 'raw',
          status: spec.status,
          contentType: spec.contentType ?? 'text/html; charset=utf-8',
          body: spec.body,
        };
      }
      if (spec.status === 500) {
        const error = new GraphError({
          ...(KNOWN['2'] as { message: string }),
          code: 2,
          status: 500,
          isTransient: true,
        });
        return { kind: 'graph', error };
      }
      return {
        kind: 'raw',
        status: spec.status,
        contentType: 'text/html; charset=utf-8',
        body: `<html><body><h1>${spec.status}</h1></body></html>`,
      };
    case 'hang':
      return { kind: 'hang' };
    case 'latency':
      throw new Error('latency is not a terminal fault');
  }
}
