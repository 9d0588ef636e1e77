// POST /api/snapshots/import?label=…: store an uploaded posture document (the JSON body).
// Validated in full first (size, JSON, schemaVersion, schema, forbidden keys); on any error
// the answer is 400/413 with the reason and nothing is stored.
import { NO_STORE, jsonError, refused, withStoreErrors } from '@/lib/server/api-responses';
import { jsonContentTypeRefusal } from '@/lib/server/route-input';
import { isSameOrigin } from '@/lib/server/same-origin';
import { snapshotAccess } from '@/lib/server/snapshot-access';
import { labelError, readBodyLimited } from '@/lib/snapshots/api-input';
import { MAX_IMPORT_BYTES, parsePostureImport } from '@/lib/snapshots/validate';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  // Cluster-wide viewers of the request's cluster; the import belongs to that cluster (lib/server/snapshot-access.ts).
  const access = await snapshotAccess();
  if (!access.ok) return access.response;
  if (!isSameOrigin(request)) return refused();
  const label = new URL(request.url).searchParams.get('label');
  const badLabel = labelError(label);
  if (badLabel) return jsonError(400, badLabel);
  const notJson = jsonContentTypeRefusal(request);
  if (notJson) return notJson;
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooBig = `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`;
  if (declared > MAX_IMPORT_BYTES) return jsonError(413, tooBig);
  const text = await readBodyLimited(request.body, MAX_IMPORT_BYTES);
  if (text === null) return jsonError(413, tooBig);
  if (!text.trim()) return jsonError(400, 'the file is empty');
  const parsed = parsePostureImport(text);
  if (!parsed.ok) return jsonError(400, parsed.error);
  return withStoreErrors(async () => {
    const { scope: _scope, clusterKey: _key, ...snapshot } = await access.snapshots.import(parsed.document, label);
    return Response.json({ snapshot }, { status: 201, headers: NO_STORE });
  });
}
