// The triage a source's documents get on this server: the catalogue unless
// POSTURE_EXPECTED_CATALOGUE=off, the owner keys (POSTURE_OWNER_KEYS) and the stored exceptions
// of the source's cluster.
import type { SourceSpec } from '../cluster/source';
import type { TriageOptions } from '../posture/triage/apply';
import { catalogueEnabled, ownerKeysFromEnv } from '../posture/triage/owners';
import type { PostureDocument } from '../posture/types';
import { exceptionsForCluster } from './exceptions-service';
import { clusterOf } from './request-source';

export async function triageFor(spec: SourceSpec): Promise<TriageOptions> {
  return { catalogue: catalogueEnabled(process.env), ownerKeys: ownerKeysFromEnv(process.env), exceptions: await exceptionsForCluster(clusterOf(spec).key) };
}

const until = new WeakMap<PostureDocument, number>();

/** When the first acceptance in the document runs out (ms); Infinity when none does. */
export function acceptedUntil(doc: PostureDocument): number {
  let t = until.get(doc);
  if (t === undefined) {
    t = Infinity;
    for (const f of doc.findings) {
      if (!f.accepted) continue;
      const end = Date.parse(`${f.accepted.expires}T00:00:00Z`) + 86_400_000;
      if (end < t) t = end;
    }
    until.set(doc, t);
  }
  return t;
}

