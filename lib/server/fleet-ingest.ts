// POST /api/fleet/ingest: an agent's report (kube-posture scan --push). The caller is the
// cluster its ingest token was made for (no session: the token is the credential, checked
// before the body is read); the body is validated as an import is (lib/snapshots/validate.ts,
// consistency.ts); retries of one report are stored once; an older report than the one held is
// refused (409), and so is one generated in the future (past a few minutes of clock skew: it
// would make every later report "older") or before the REPORT_DAYS the hub keeps (422); size (FLEET_MAX_BYTES, default the import's 20 MiB) and rate
// (FLEET_INGEST_PER_MINUTE per cluster, default 4, counted in the database so it holds across
// replicas) are capped. The token is never logged.
import { FleetStore, REPORT_DAYS, type IngestOutcome, type PushedCluster, type RateOutcome } from '../fleet/store';
import { bearerIngestToken } from '../fleet/tokens';
import { readBodyLimited } from '../snapshots/api-input';
import { MAX_IMPORT_BYTES, parsePostureImport } from '../snapshots/validate';
import { NO_STORE, jsonError } from './api-responses';
import { jsonContentTypeRefusal } from './route-input';
import { appStore } from './snapshot-store';

export function fleetMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.FLEET_MAX_BYTES);
  return env.FLEET_MAX_BYTES && Number.isInteger(n) && n > 0 ? Math.min(n, MAX_IMPORT_BYTES) : MAX_IMPORT_BYTES;
}

export function fleetIngestPerMinute(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.FLEET_INGEST_PER_MINUTE);
  return env.FLEET_INGEST_PER_MINUTE && Number.isInteger(n) && n > 0 ? n : 4;
}

export interface IngestDeps {
  fleet(): Promise<Pick<FleetStore, 'authenticate' | 'countReport' | 'ingest'>>;
  /** Reports a cluster may send a minute, across every replica on the store. */
  perMinute: number;
  maxBytes: number;
  now?: () => Date;
}

/** Clock skew allowed between an agent and the hub. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/** Why a report's time is refused, or null: the hub orders reports by it and drops old ones. */
export function reportTimeRefusal(generatedAt: string, now: Date): string | null {
  const at = Date.parse(generatedAt);
  if (at > now.getTime() + FUTURE_SKEW_MS) return `the report was generated at ${generatedAt}, after the hub's time (${now.toISOString()}): check the agent's clock`;
  if (at < now.getTime() - REPORT_DAYS * 86_400_000) return `the report was generated at ${generatedAt}, before the ${REPORT_DAYS} days the hub keeps`;
  return null;
}

export function serverIngestDeps(): IngestDeps {
  return { fleet: async () => new FleetStore((await appStore().get()).sql), perMinute: fleetIngestPerMinute(), maxBytes: fleetMaxBytes() };
}

const UNAUTHORIZED = () =>
  new Response(JSON.stringify({ error: 'a valid ingest token is required' }), {
    status: 401,
    headers: { ...NO_STORE, 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer' },
  });

export async function handleIngest(request: Request, deps: IngestDeps = serverIngestDeps()): Promise<Response> {
  const token = bearerIngestToken(request.headers.get('authorization'));
  if (!token) return UNAUTHORIZED();
  let fleet: Awaited<ReturnType<IngestDeps['fleet']>>;
  let cluster: PushedCluster | null;
  let rate: RateOutcome;
  try {
    fleet = await deps.fleet();
    cluster = await fleet.authenticate(token);
    if (!cluster) return UNAUTHORIZED();
    rate = await fleet.countReport(cluster.key, deps.perMinute);
  } catch (e) {
    console.error(`[fleet] store unavailable: ${(e as Error).message}`);
    return jsonError(503, 'the hub’s store is unavailable; try again later');
  }
  if (!rate.allowed)
    return new Response(JSON.stringify({ error: 'too many reports from this cluster' }), {
      status: 429,
      headers: { ...NO_STORE, 'Content-Type': 'application/json', 'Retry-After': String(rate.retryAfterSeconds) },
    });
  const notJson = jsonContentTypeRefusal(request);
  if (notJson) return notJson;
  const tooBig = `the report is larger than ${Math.round(deps.maxBytes / 1024)} KiB`;
  if (Number(request.headers.get('content-length') ?? 0) > deps.maxBytes) return jsonError(413, tooBig);
  const text = await readBodyLimited(request.body, deps.maxBytes);
  if (text === null) return jsonError(413, tooBig);
  const parsed = parsePostureImport(text);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const badTime = reportTimeRefusal(parsed.document.generatedAt, deps.now?.() ?? new Date());
  if (badTime) return jsonError(422, badTime);
  let outcome: IngestOutcome;
  try {
    outcome = await fleet.ingest(cluster, text, parsed.document);
  } catch (e) {
    console.error(`[fleet] storing a report of ${cluster.name} failed: ${(e as Error).message}`);
    return jsonError(503, 'the hub could not store the report; try again later');
  }
  if (outcome.status === 'older') return jsonError(409, `the hub holds a newer report of ${cluster.name} (generated ${outcome.held})`);
  return Response.json({ cluster: cluster.name, ...outcome }, { status: outcome.status === 'stored' ? 201 : 200, headers: NO_STORE });
}
