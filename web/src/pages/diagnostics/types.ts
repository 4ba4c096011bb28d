// GET /api/v1/diagnostics (src/diagnostics/diagnostic.schema.ts).

export const verdicts = ['pass', 'warn', 'fail', 'skip'] as const;
export type Verdict = (typeof verdicts)[number];

export const checkGroups = [
  'configuration',
  'webhooks',
  'instagram',
  'chatrace',
  'jobs',
  'database',
] as const;
export type CheckGroup = (typeof checkGroups)[number];

export interface CheckAccount {
  id: string;
  provider: 'instagram' | 'chatrace';
  username: string | null;
  externalId: string;
}

export interface DiagnosticCheck {
  id: string;
  group: CheckGroup;
  title: string;
  verdict: Verdict;
  code: string;
  message: string;
  fix: string | null;
  detail: string | null;
  params: Record<string, string | number>;
  account: CheckAccount | null;
  link: string | null;
  durationMs: number;
}

export interface DiagnosticReport {
  generatedAt: string;
  durationMs: number;
  verdict: Verdict;
  counts: Record<Verdict, number>;
  checks: DiagnosticCheck[];
}
