// One dashboard replica for e2e/replicas.unit.test.ts, run with tsx: the posture service, the
// replica election, the snapshot and exception services and the posture JSON (with its ETag)
// that `next start` runs, behind a bare HTTP server (vitest runs before the Next build exists).
// Identity is the test's business elsewhere: every caller here is a cluster-wide viewer.
// Env: PORT, KUBECONFIG, DATABASE_URL, REPLICA_POLL_MS.
import http from 'node:http';
import { sourceFromEnv } from '../lib/cluster/source';
import { exceptionsFor } from '../lib/server/exceptions-service';
import { getPosture, requestedRescan } from '../lib/server/posture-service';
import { jsonDocumentResponse } from '../lib/server/posture-json';
import { scansHere } from '../lib/server/replica/replicas';
import { clusterOf } from '../lib/server/request-source';
import { snapshotStore, takeSnapshot } from '../lib/server/snapshot-service';

const cluster = clusterOf(sourceFromEnv());
const identity = { ok: true as const, viewer: null, cluster, scope: { clusterWide: true, namespaces: new Set<string>() } };

async function answer(req: http.IncomingMessage): Promise<{ status: number; body: unknown }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
  const route = `${req.method} ${req.url}`;
  if (route === 'GET /posture') {
    const { doc, error } = await getPosture(cluster.spec);
    const etag = doc ? jsonDocumentResponse(doc, null, {}).headers.get('etag') : null;
    const accepted = doc?.findings.filter((f) => f.accepted).length ?? 0;
    return { status: 200, body: { scans: await scansHere(cluster.spec), generatedAt: doc?.generatedAt ?? null, etag, accepted, error } };
  }
  if (route === 'GET /scans') return { status: 200, body: { scans: await scansHere(cluster.spec) } };
  if (route === 'GET /document') return { status: 200, body: (await getPosture(cluster.spec)).doc };
  if (route === 'POST /rescan') return { status: 200, body: { generatedAt: (await requestedRescan(cluster.spec, () => undefined, 0)).generatedAt } };
  if (route === 'POST /snapshots') {
    const r = await takeSnapshot({ cluster, label: body?.label ?? null });
    return r.ok ? { status: 201, body: { id: r.snapshot.id } } : { status: 503, body: r };
  }
  if (route === 'GET /snapshots') return { status: 200, body: (await (await snapshotStore()).list(cluster.key)).map((s) => s.id) };
  if (route === 'POST /exceptions') {
    const made = await exceptionsFor(identity).create(body);
    return made instanceof Response ? { status: made.status, body: await made.text() } : { status: 201, body: { id: made.id } };
  }
  if (route === 'GET /exceptions') return { status: 200, body: (await exceptionsFor(identity).list()).map((e) => e.id) };
  return { status: 404, body: null };
}

http
  .createServer((req, res) => {
    answer(req).then(
      ({ status, body }) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)),
      (e) => res.writeHead(500).end(String((e as Error).stack)),
    );
  })
  .listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write(`replica listening on ${process.env.PORT}\n`));
