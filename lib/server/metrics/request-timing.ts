// Times every request the server answers, pages and API routes alike, into
// kube_posture_http_request_duration_seconds. Next.js has no hook around a whole request, so
// instrumentation.ts wraps the HTTP server's 'request' event (as lib/server/auth/peer.ts does).
// The route label is the app route the path matches (/namespaces/[name], not each name), from
// the build's route manifest, so the label set stays as small as the app.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { observeRequest } from './prometheus';

const g = globalThis as typeof globalThis & { __kpRequestTiming?: boolean };

export function installRequestTiming(routes: string[] = appRoutes()): void {
  if (g.__kpRequestTiming) return;
  g.__kpRequestTiming = true;
  const label = routeLabeller(routes);
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request') time(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, label);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
}

function time(req: http.IncomingMessage, res: http.ServerResponse, label: (p: string) => string): void {
  const started = process.hrtime.bigint();
  const method = req.method ?? 'GET';
  const route = label((req.url ?? '/').split('?')[0]!);
  res.once('finish', () => observeRequest(route, method, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
}

/** The app's routes ("/namespaces/[name]") from the build's manifest; none before a build. */
export function appRoutes(dir = path.join(process.cwd(), '.next')): string[] {
  try {
    return Object.values(JSON.parse(readFileSync(path.join(dir, 'app-path-routes-manifest.json'), 'utf8')) as Record<string, string>);
  } catch {
    return [];
  }
}

/** Maps a request path to the route it matches: "/_next/static" for assets, "other" for no route. */
export function routeLabeller(routes: string[]): (pathname: string) => string {
  const patterns = routes
    .map((r) => ({
      route: r,
      re: new RegExp(
        '^' +
          r
            .split('/')
            .map((seg) =>
              /^\[\[?\.\.\./.test(seg) ? '(?:/.*)?' : /^\[.+\]$/.test(seg) ? '/[^/]+' : seg ? '/' + seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '',
            )
            .join('') +
          '/?$',
      ),
      // Static segments first: /api/snapshots/import before /api/snapshots/[id].
      dynamic: (r.match(/\[/g) ?? []).length,
    }))
    .sort((a, b) => a.dynamic - b.dynamic);
  return (pathname) => {
    if (pathname.startsWith('/_next/')) return '/_next/' + (pathname.split('/')[2] ?? '');
    return patterns.find((p) => p.re.test(pathname))?.route ?? 'other';
  };
}
