// kube-posture fleet token create|revoke|list: ingest tokens for agents (scan --push), on the
// hub's store (DATABASE_URL, else the PGlite under DATA_DIR; PGlite only while the hub is stopped:
// one process per directory). Whoever can reach the hub's database is its admin: there is no
// other check here. A new token is printed once, on stdout; only its hash is kept.
import { parseArgs } from 'node:util';
import { FleetStore } from '../fleet/store';
import { clusterGroups, clusterLabels, clusterName } from '../fleet/names';
import { SnapshotStore } from '../snapshots/store';

export const FLEET_USAGE = `usage: kube-posture fleet token create NAME [--label KEY=VALUE]... [--group GROUP]...
       kube-posture fleet token revoke ID|NAME     (a name revokes every token of that cluster)
       kube-posture fleet token list
The hub's store: DATABASE_URL (PostgreSQL), else DATA_DIR (PGlite; stop the hub first).
--label (e.g. env=prod, region=eu-west) and --group (who may see the cluster, besides the hub's
admins) replace the cluster's labels and groups when given.`;

export async function fleet(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [noun, verb, ...rest] = argv;
  if (noun !== 'token' || !['create', 'revoke', 'list'].includes(verb ?? '')) return fail(FLEET_USAGE);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, strict: true, options: { label: { type: 'string', multiple: true }, group: { type: 'string', multiple: true } } });
  } catch (e) {
    return fail(`${(e as Error).message}\n${FLEET_USAGE}`);
  }
  const [target] = parsed.positionals;
  if (verb !== 'list' && !target) return fail(FLEET_USAGE);
  const store = await SnapshotStore.open({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR || '.data' });
  try {
    const fleetStore = new FleetStore(store.sql);
    if (verb === 'list') {
      for (const t of await fleetStore.tokens()) process.stdout.write(`${t.id}\t${t.cluster}\tcreated ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'}\tlast used ${t.lastUsedAt ?? 'never'}\n`);
      return 0;
    }
    if (verb === 'revoke') {
      const n = await fleetStore.revoke(target!);
      process.stderr.write(`kube-posture: ${n} token(s) revoked\n`);
      return n > 0 ? 0 : 1;
    }
    const name = clusterName.safeParse(target);
    if (!name.success) return fail(name.error.issues[0]!.message);
    const labels = parsed.values.label ? parseLabels(parsed.values.label) : undefined;
    if (typeof labels === 'string') return fail(labels);
    const groups = parsed.values.group ? clusterGroups.safeParse(parsed.values.group) : undefined;
    if (groups && !groups.success) return fail(groups.error.issues[0]!.message);
    const { id, token } = await fleetStore.createToken(name.data, { labels, groups: groups?.data });
    process.stderr.write(`kube-posture: ingest token ${id} for cluster ${name.data}; it is shown this once (store it in the agent's Secret):\n`);
    process.stdout.write(token + '\n');
    return 0;
  } finally {
    await store.close();
  }
}

function parseLabels(pairs: string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i <= 0) return `--label takes KEY=VALUE, not ${p}`;
    out[p.slice(0, i)] = p.slice(i + 1);
  }
  const r = clusterLabels.safeParse(out);
  return r.success ? r.data : r.error.issues[0]!.message;
}

function fail(message: string): number {
  process.stderr.write(`kube-posture: ${message}\n`);
  return 2;
}
