// npm run scan -- [--from PATH | --kubeconfig FILE [--context NAME]] [--format json|table|sarif] [--fail-on SEVERITY]
//   [--exceptions FILE] [--no-expected] [--owner NAME]: accepted and by-design findings never trip --fail-on.
// stdout carries only the result; everything else goes to stderr.
import { parseArgs } from 'node:util';
import { InputError } from '../cluster/manifests';
import { readInventory, sourceFromEnv, type SourceSpec } from '../cluster/source';
import { computePosture } from '../posture/engine';
import { severityRank } from '../posture/scoring';
import { isOpen, SEVERITIES, type Severity } from '../posture/types';
import { catalogueEnabled, ownerKeysFromEnv } from '../posture/triage/owners';
import { readExceptionsFile } from './exceptions-file';
import { ALL_CHECKS } from '../posture/registry';
import { formatSarif } from './format-sarif';
import { formatTable } from './format-table';

const USAGE =
  'usage: npm run scan -- [--from PATH | --kubeconfig FILE [--context NAME]] [--format json|table|sarif] [--fail-on critical|high|medium|low|info] [--exceptions FILE] [--no-expected] [--owner NAME]';

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        format: { type: 'string', default: 'table' },
        'fail-on': { type: 'string' },
        exceptions: { type: 'string' },
        'no-expected': { type: 'boolean' },
        owner: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const format = args.format as string;
  if (!['json', 'table', 'sarif'].includes(format)) return fail(`unknown --format ${format} (json, table or sarif)`);
  const failOn = args['fail-on'];
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) return fail(`unknown --fail-on ${failOn} (${SEVERITIES.join(', ')})`);
  if (args.from && (args.kubeconfig || args.context)) return fail('--from reads files; it cannot be combined with --kubeconfig or --context');

  const spec: SourceSpec = args.from
    ? { kind: 'manifests', path: args.from }
    : args.kubeconfig || args.context
      ? { kind: 'live', kubeconfig: args.kubeconfig, context: args.context }
      : sourceFromEnv();

  let doc;
  try {
    const exceptions = args.exceptions ? await readExceptionsFile(args.exceptions) : [];
    const catalogue = !args['no-expected'] && catalogueEnabled(process.env);
    doc = computePosture(await readInventory(spec), { triage: { catalogue, exceptions, ownerKeys: ownerKeysFromEnv(process.env) } });
    if (args.owner) doc = { ...doc, findings: doc.findings.filter((f) => f.owner === args.owner) };
  } catch (e) {
    return fail(e instanceof InputError ? e.message : `cannot scan: ${(e as Error).message}`);
  }
  const remediations = new Map(ALL_CHECKS.map((c) => [c.id, c.remediation]));
  process.stdout.write(format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : format === 'sarif' ? formatSarif(doc, remediations) : formatTable(doc));
  for (const m of doc.missingKinds) process.stderr.write(`kube-posture: not read: ${m.resource} (${m.reason}): ${m.detail}\n`);

  if (failOn) {
    const gate = severityRank(failOn as Severity);
    const hits = doc.findings.filter((f) => isOpen(f) && severityRank(f.severity) <= gate).length;
    if (hits > 0) {
      process.stderr.write(`kube-posture: ${hits} finding(s) at ${failOn} or above\n`);
      return 1;
    }
  }
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`kube-posture: ${message}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`kube-posture: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
