// What `npm audit --omit=dev --json` said, as one of three verdicts. A registry that refuses
// the advisory query (a mirror answering 405, no network) is "not assessed", never a pass.

export type AuditVerdict =
  | { status: 'pass'; counts: Record<string, number> }
  | { status: 'fail'; counts: Record<string, number>; text: string }
  | { status: 'not-assessed'; text: string };

const BLOCKING = ['high', 'critical'] as const;

export function auditVerdict(stdout: string): AuditVerdict {
  let report: { metadata?: { vulnerabilities?: Record<string, unknown> }; error?: unknown; message?: unknown; statusCode?: unknown };
  try {
    report = JSON.parse(stdout);
  } catch {
    return { status: 'not-assessed', text: 'npm audit printed no JSON report' };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object') {
    const why =
      typeof report.message === 'string'
        ? report.message
        : typeof report.statusCode === 'number'
          ? `HTTP ${report.statusCode}`
          : 'no vulnerability counts in the report';
    return { status: 'not-assessed', text: `the advisory database could not be queried: ${why}` };
  }
  const numbers = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v) || 0]));
  const blocking = BLOCKING.filter((s) => numbers[s]! > 0);
  if (blocking.length) return { status: 'fail', counts: numbers, text: blocking.map((s) => `${numbers[s]} ${s}`).join(', ') };
  return { status: 'pass', counts: numbers };
}
