// kube-posture scan: reads a cluster (live, files or the embedded demo), prints its posture.
// KUBE_POSTURE_URL (the dashboard's URL), if set, gives each SARIF rule a helpUri to its /checks page.
// Accepted (--exceptions FILE, annotations) and by-design findings never trip --fail-on.
// stdout carries only the result; everything else goes to stderr.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { objectId } from '../cluster/build-inventory';
import { RESOURCES, type Inventory } from '../cluster/inventory';
import { InputError } from '../cluster/manifests';
import { scanPath, withDemoAudit } from '../cluster/offline';
import { readInventory, sourceFromEnv, type SourceSpec } from '../cluster/source';
import { sourceLocationOf, type SourceLocation } from '../cluster/source-location';
import { computePosture } from '../posture/engine';
import { isOpen, type PostureDocument } from '../posture/types';
import { readFile } from 'node:fs/promises';
import { pushDocument, type PushResult } from './push';
import { catalogueEnabled, ownerKeysFromEnv } from '../posture/triage/owners';
import { readAuditData } from '../audit/cli';
import { readExceptionsFile } from './exceptions-file';
import { ALL_CHECKS } from '../posture/registry';
import { severityRank } from '../posture/scoring';
import { SEVERITIES, type ResourceRef, type Severity } from '../posture/types';
import { applyFilter, parseFilter } from './filters';
import { docsUrl, formatSarif } from './format-sarif';
import { formatTable } from './format-table';

export const SCAN_USAGE = `usage: kube-posture scan [SOURCE] [OPTIONS]

SOURCE (default: KUBECONFIG or ~/.kube/config if present, else the embedded demo)
  --from PATH              a folder of YAML/JSON manifests, or a \`kubectl get -o json|yaml\` dump
  --kubeconfig FILE        a live cluster (read-only: list and watch)
  --context NAME           the kubeconfig context to use
  --demo                   the embedded demo cluster

OPTIONS
  --format table|json|sarif   output on stdout (default table)
  --cluster-name NAME         the cluster's name in the output (default: folder, file or context)
  --min-severity SEVERITY     list only findings at this severity or worse
  --area AREA[,AREA]          list only findings of these areas
  --namespace NS[,NS]         list only findings in these namespaces
  --fail-on SEVERITY          exit 1 if a listed open finding is at this severity or worse
  --exceptions FILE           accepted risks (YAML or JSON, the store's format): they never trip --fail-on
  --audit-log FILE...         audit logs of the cluster's API server (JSON lines, rotated, gzipped, or EventList
                              documents), read streamed: the api-abuse detections run on them
  --no-expected               count findings of well-known system components too (by design otherwise)
  --owner NAME                list only findings owned by NAME (POSTURE_OWNER_KEYS)
  --push URL                  also send the whole posture to a kube-posture hub (POST URL/api/fleet/ingest)
                              with the ingest token in KUBE_POSTURE_INGEST_TOKEN or --push-token-file FILE
SEVERITY: ${SEVERITIES.join(', ')}. Scores always describe the whole cluster.
Exit codes: 0 done, 1 --fail-on matched, 2 bad input, 3 the hub did not take the report.`;

/** The demo's manifests beside this file, whatever the caller's working directory. */
const DEMO_MANIFESTS = path.resolve(import.meta.dirname, '../demo/manifests');
const DEMO_AUDIT_LOG = path.resolve(import.meta.dirname, '../demo/audit/audit.log');

export async function scan(argv: string[]): Promise<number> {
  let args;
  let positionals: string[];
  try {
    ({ values: args, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        kubeconfig: { type: 'string' },
        context: { type: 'string' },
        demo: { type: 'boolean' },
        format: { type: 'string', default: 'table' },
        'cluster-name': { type: 'string' },
        'min-severity': { type: 'string' },
        area: { type: 'string' },
        namespace: { type: 'string' },
        'fail-on': { type: 'string' },
        exceptions: { type: 'string' },
        'no-expected': { type: 'boolean' },
        owner: { type: 'string' },
        'audit-log': { type: 'string', multiple: true },
        push: { type: 'string' },
        'push-token-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    return fail(`${(e as Error).message}\n${SCAN_USAGE}`);
  }
  // `--audit-log audit.log*` hands the shell's expansion over as the words after it.
  if (positionals.length > 0 && !args['audit-log']) return fail(`unexpected argument ${positionals[0]}\n${SCAN_USAGE}`);
  const auditFiles = [...(args['audit-log'] ?? []), ...positionals];
  if (args.help) {
    process.stdout.write(SCAN_USAGE + '\n');
    return 0;
  }
  const format = args.format as string;
  if (!['json', 'table', 'sarif'].includes(format)) return fail(`unknown --format ${format} (json, table or sarif)`);
  const failOn = args['fail-on'];
  if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity)) return fail(`unknown --fail-on ${failOn} (${SEVERITIES.join(', ')})`);
  const filter = parseFilter(args);
  if (typeof filter === 'string') return fail(filter);
  const sources = [args.from !== undefined, Boolean(args.kubeconfig || args.context), Boolean(args.demo)].filter(Boolean).length;
  if (sources > 1) return fail('choose one source: --from, --kubeconfig/--context or --demo');
  if (args['cluster-name'] === '') return fail('--cluster-name needs a name');

  const spec: SourceSpec = args.from
    ? { kind: 'manifests', path: args.from }
    : args.kubeconfig || args.context
      ? { kind: 'live', kubeconfig: args.kubeconfig, context: args.context }
      : args.demo
        ? { kind: 'demo' }
        : sourceFromEnv();
  // With nothing said and no cluster configured, the user may not know the result is not theirs.
  if (spec.kind === 'demo' && !args.demo) {
    process.stderr.write(
      'kube-posture: no cluster configured (no KUBECONFIG, ~/.kube/config or in-cluster token): scanning the embedded demo cluster.\n' +
        'kube-posture: scan yours with --from PATH (manifests or a kubectl dump) or --kubeconfig FILE [--context NAME]; --demo says you meant the demo.\n',
    );
  }

  let inv: Inventory;
  let exceptions: Awaited<ReturnType<typeof readExceptionsFile>>;
  try {
    inv = spec.kind === 'demo' ? await withDemoAudit(await scanPath(DEMO_MANIFESTS, 'demo'), DEMO_AUDIT_LOG) : await readInventory(spec);
    exceptions = args.exceptions ? await readExceptionsFile(args.exceptions) : [];
    if (auditFiles.length > 0) inv = { ...inv, audit: await readAuditData(auditFiles) };
  } catch (e) {
    return fail(e instanceof InputError ? e.message : `cannot scan: ${(e as Error).message}`);
  }
  if (args['cluster-name']) inv = { ...inv, cluster: { ...inv.cluster, name: args['cluster-name'] } };
  const catalogue = !args['no-expected'] && catalogueEnabled(process.env);
  let computed = computePosture(inv, { triage: { catalogue, exceptions, ownerKeys: ownerKeysFromEnv(process.env) } });
  const pushed = args.push === undefined ? null : await pushToHub(args.push, args['push-token-file'], computed);
  if (typeof pushed === 'number') return pushed;
  if (args.owner) computed = { ...computed, findings: computed.findings.filter((f) => f.owner === args.owner) };
  const doc = applyFilter(computed, filter);
  const locate = locator(inv);

  const rules = new Map(ALL_CHECKS.map((c) => [c.id, { remediation: c.remediation, docs: docsUrl(c.docs, process.env.KUBE_POSTURE_URL) }]));
  const width = process.stdout.columns || Number(process.env.COLUMNS) || 100;
  process.stdout.write(
    format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : format === 'sarif' ? formatSarif(doc, { rules, locate }) : formatTable(doc, { width, locate }),
  );
  for (const m of doc.missingKinds) {
    // An add-on's kind that the server does not serve just means the add-on is not installed.
    if (m.reason === 'not-served' && isOptional(m.resource)) continue;
    process.stderr.write(`kube-posture: not read: ${m.resource} (${m.reason}): ${m.detail}\n`);
  }

  if (pushed && !pushed.ok) {
    process.stderr.write(`kube-posture: the hub did not take the report (${pushed.status ?? 'no answer'}): ${pushed.message}\n`);
    return 3;
  }
  if (pushed) process.stderr.write(`kube-posture: report sent to the hub (${pushed.message})\n`);
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

/** File and line of each object read from files, relative to the working directory. */
function locator(inv: Inventory): (ref: ResourceRef) => SourceLocation | undefined {
  if (inv.cluster.source !== 'manifests') return () => undefined;
  const byId = new Map<string, SourceLocation>();
  for (const list of Object.values(inv.objects)) {
    for (const o of list) {
      const loc = sourceLocationOf(o);
      if (loc) byId.set(objectId(o), { ...loc, file: path.relative(process.cwd(), path.resolve(loc.file)) || loc.file });
    }
  }
  return (ref) => byId.get(objectId({ kind: ref.kind, metadata: { namespace: ref.namespace ?? undefined, name: ref.name } }));
}

function isOptional(resource: string): boolean {
  const def = RESOURCES.find((r) => r.key === resource);
  return Boolean(def && 'optional' in def && def.optional);
}

/** The whole document (before any listing filter) to the hub; a number is the exit code of bad input. */
async function pushToHub(hub: string, tokenFile: string | undefined, doc: PostureDocument): Promise<PushResult | number> {
  let token = process.env.KUBE_POSTURE_INGEST_TOKEN?.trim() ?? '';
  if (tokenFile) {
    try {
      token = (await readFile(tokenFile, 'utf8')).trim();
    } catch (e) {
      return fail(`cannot read --push-token-file: ${(e as Error).message}`);
    }
  }
  if (!token) return fail('--push needs the ingest token: KUBE_POSTURE_INGEST_TOKEN or --push-token-file FILE');
  return pushDocument(hub, token, doc, { allowHttp: process.env.KUBE_POSTURE_PUSH_ALLOW_HTTP === '1' });
}

function fail(message: string): number {
  process.stderr.write(`kube-posture: ${message}\n`);
  return 2;
}

