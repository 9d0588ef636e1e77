// GET /api/findings?area=&severity=&namespace=&check=&q=&sort=&format=json|csv: the current
// findings view as a download, filtered exactly as the findings page filters it.
import { filterFindings, findingsToCsv, parseFindingsQuery } from '@/lib/posture/findings-query';
import { viewerPostureForRoute } from '@/lib/server/auth/viewer-posture';
import { findingsApiQuery, parseQuery } from '@/lib/server/route-input';
import { NO_STORE } from '@/lib/server/api-responses';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  // Strict here (400 on a bad filter): a download must not silently drop a filter the page would ignore.
  const query = parseQuery(findingsApiQuery, params);
  if (!query.ok) return query.response;
  // Only the namespaces the caller may see (lib/server/auth).
  const posture = await viewerPostureForRoute();
  if (!posture.ok) return posture.response;
  const { doc, error } = posture;
  if (!doc) return Response.json({ error: error ?? 'no posture yet' }, { status: 503 });
  const findings = filterFindings(doc.findings, parseFindingsQuery(params));
  const stamp = doc.generatedAt.slice(0, 19).replace(/[:T]/g, '-');
  const name = `findings-${doc.cluster.name.replace(/[^\w.-]/g, '_')}-${stamp}`;
  if (params.get('format') === 'csv') {
    return new Response(findingsToCsv(findings), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"`, ...NO_STORE },
    });
  }
  return new Response(JSON.stringify({ cluster: doc.cluster, generatedAt: doc.generatedAt, findings }, null, 2), {
    headers: { 'Content-Type': 'application/json', 'Content-Disposition': `attachment; filename="${name}.json"`, ...NO_STORE },
  });
}
