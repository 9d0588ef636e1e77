// GET /api/contexts: the kubeconfig contexts a viewer may pick. POST {context}: pick one (a cookie).
// Signed-in viewers only (on any of the clusters: picking a context grants nothing, the next
// request about that cluster needs an identity proven and authorized there).
import { routeIdentityOnAnyCluster } from '@/lib/server/auth/guard';
import { availableContexts, CONTEXT_COOKIE, requestSource } from '@/lib/server/request-source';
import { contextInput, readJsonBody } from '@/lib/server/route-input';
import { isSameOrigin } from '@/lib/server/same-origin';

export const dynamic = 'force-dynamic';

export async function GET() {
  const who = await routeIdentityOnAnyCluster();
  if (!who.ok) return who.response;
  const { contexts } = availableContexts();
  const spec = await requestSource();
  return Response.json(
    { contexts, selected: spec.kind === 'live' ? (spec.context ?? availableContexts().current) : null },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}

export async function POST(request: Request) {
  if (!isSameOrigin(request)) return Response.json({ error: 'cross-site request refused' }, { status: 403 });
  const who = await routeIdentityOnAnyCluster();
  if (!who.ok) return who.response;
  const body = await readJsonBody(request, contextInput);
  if (!body.ok) return body.response;
  const { context } = body.value;
  if (!availableContexts().contexts.includes(context)) return Response.json({ error: `unknown context "${context.slice(0, 100)}"` }, { status: 400 });
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return Response.json(
    { selected: context },
    { headers: { 'Set-Cookie': `${CONTEXT_COOKIE}=${encodeURIComponent(context)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000${secure}` } },
  );
}
