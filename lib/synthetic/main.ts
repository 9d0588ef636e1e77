// tsx lib/synthetic/main.ts --namespaces 2000 --pods 50000 --bindings 20000 --nodes 500 --out DIR
// Writes DIR/cluster.json, a `kubectl get -o json` style List the offline scan reads (npx kube-posture scan --from DIR).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { asKubectlList, generateCluster } from './generate';

const USAGE =
  'usage: tsx lib/synthetic/main.ts --namespaces N --pods N --bindings N --nodes N [--workloads N] [--network-policies N] [--reports N] [--seed N] --out DIR';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      namespaces: { type: 'string', default: '20' },
      pods: { type: 'string', default: '200' },
      bindings: { type: 'string', default: '100' },
      nodes: { type: 'string', default: '5' },
      workloads: { type: 'string' },
      'network-policies': { type: 'string' },
      reports: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const int = (v: string | undefined) => (v === undefined ? undefined : Number.parseInt(v, 10));
  if (!values.out) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const { objects, counts } = generateCluster({
    namespaces: int(values.namespaces)!,
    pods: int(values.pods)!,
    bindings: int(values.bindings)!,
    nodes: int(values.nodes)!,
    workloads: int(values.workloads),
    networkPolicies: int(values['network-policies']),
    vulnerabilityReports: int(values.reports),
    seed: int(values.seed),
  });
  await mkdir(values.out, { recursive: true });
  const file = path.join(values.out, 'cluster.json');
  await writeFile(file, JSON.stringify(asKubectlList(objects)));
  process.stderr.write(`wrote ${objects.length} objects to ${file}: ${JSON.stringify(counts)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
  },
);
