// Pen test issue 13, item 4: routes answered without a session when the proxy skipped them.
// Every route handler (app/**/route.ts: GET, POST, …) and every page (app/**/page.tsx) must reach
// identify() (identify.ts) through its own calls, whatever the proxy does; the only exceptions
// are on PUBLIC below, each with the reason it needs no identity. Calls are followed through
// functions of the same file and through imports of project files (the '@/…' alias and
// relative paths), so `routeIdentity`, `snapshotAccess`, `requirePosture`… count, and a handler
// that forgets them does not.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TARGET = { file: path.join(ROOT, 'lib/server/auth/identify.ts'), name: 'identify' };

/** Reviewed: reachable without an identity, and why. Keys are `file#handler`. */
const PUBLIC: Record<string, string> = {
  'app/healthz/route.ts#GET': 'liveness probe: says the process is up, reads nothing',
  'app/readyz/route.ts#GET': 'readiness probe: reachable/openable, no cluster content',
  'app/api/auth/signin/route.ts#POST': 'the sign-in itself: TokenReview is the check, rate limited',
  'app/signin/page.tsx#default': 'the sign-in form',
  'app/signout/route.ts#POST': 'ends the session the cookie names; needs no valid identity',
  'app/share/[token]/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/share/[token]/findings/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/share/[token]/namespaces/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/share/[token]/namespaces/[name]/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/share/[token]/areas/[area]/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/api/audit/webhook/route.ts#POST': 'the API server’s audit webhook: the bearer token in POSTURE_AUDIT_TOKEN is the credential (lib/server/audit-receiver.ts), an API server has no session',
  'app/share/[token]/attack-paths/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/share/[token]/objects/[kind]/[namespace]/[name]/page.tsx#default': 'share link: the token is the credential (openShare)',
  'app/api/fleet/ingest/route.ts#POST': 'an agent’s report: its cluster’s ingest token is the credential (lib/server/fleet-ingest.ts), an agent has no session',
};

const HANDLERS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

type Source = (file: string) => string | null;
const disk: Source = (file) => (existsSync(file) && statSync(file).isFile() ? readFileSync(file, 'utf8') : null);

function resolveModule(from: string, spec: string, read: Source): string | null {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null; // a package: not ours to follow
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (read(f) !== null && !f.endsWith('/')) return f;
  return null;
}

interface Module {
  functions: Map<string, ts.Node>;
  imports: Map<string, { file: string; name: string }>;
}

function parse(file: string, read: Source, cache: Map<string, Module>): Module | null {
  const hit = cache.get(file);
  if (hit) return hit;
  const text = read(file);
  if (text === null) return null;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const m: Module = { functions: new Map(), imports: new Map() };
  cache.set(file, m);
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && !st.importClause?.isTypeOnly) {
      const target = resolveModule(file, st.moduleSpecifier.text, read);
      const named = st.importClause?.namedBindings;
      if (target && named && ts.isNamedImports(named))
        for (const el of named.elements) if (!el.isTypeOnly) m.imports.set(el.name.text, { file: target, name: (el.propertyName ?? el.name).text });
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      const target = resolveModule(file, st.moduleSpecifier.text, read);
      if (target) for (const el of st.exportClause.elements) m.imports.set(el.name.text, { file: target, name: (el.propertyName ?? el.name).text });
    } else if (ts.isFunctionDeclaration(st)) {
      const isDefault = st.modifiers?.some((x) => x.kind === ts.SyntaxKind.DefaultKeyword);
      if (st.name) m.functions.set(st.name.text, st);
      if (isDefault) m.functions.set('default', st);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) m.functions.set(d.name.text, d.initializer);
    }
  }
  return m;
}

/** Whether `name` in `file` reaches identify() through the functions it refers to. */
export function reachesIdentify(file: string, name: string, read: Source = disk, cache = new Map<string, Module>(), seen = new Set<string>()): boolean {
  const id = `${file}#${name}`;
  if (file === TARGET.file && name === TARGET.name) return true;
  if (seen.has(id)) return false;
  seen.add(id);
  const m = parse(file, read, cache);
  if (!m) return false;
  const imported = m.imports.get(name);
  if (imported && !m.functions.has(name)) return reachesIdentify(imported.file, imported.name, read, cache, seen);
  const body = m.functions.get(name);
  if (!body) return false;
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n !== (body as ts.FunctionDeclaration).name) {
      const t = n.text;
      if (m.functions.has(t) && t !== name ? reachesIdentify(file, t, read, cache, seen) : m.imports.has(t) && reachesIdentify(file, t, read, cache, seen)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function entryPoints(): { key: string; file: string; name: string }[] {
  const out: { key: string; file: string; name: string }[] = [];
  for (const file of walk(path.join(ROOT, 'app'))) {
    const rel = path.relative(ROOT, file);
    if (file.endsWith('/route.ts')) {
      const m = parse(file, disk, new Map())!;
      for (const name of m.functions.keys()) if (HANDLERS.has(name)) out.push({ key: `${rel}#${name}`, file, name });
    } else if (file.endsWith('/page.tsx')) out.push({ key: `${rel}#default`, file, name: 'default' });
  }
  return out;
}

describe('every route handler and page calls identify() itself', () => {
  it('route-auth: each handler under app/ reaches identify(), or is on the reviewed public list', () => {
    const entries = entryPoints();
    expect(entries.length).toBeGreaterThan(30);
    const missing = entries.filter((e) => !(e.key in PUBLIC) && !reachesIdentify(e.file, e.name)).map((e) => e.key);
    expect(missing).toEqual([]);
    // The public list names only handlers that exist, and none that identifies anyway (stale entries hide mistakes).
    const keys = new Set(entries.map((e) => e.key));
    expect(Object.keys(PUBLIC).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('route-auth: the check itself flags a handler that does not identify, and follows helpers through imports', () => {
    const files: Record<string, string> = {
      [path.join(ROOT, 'app/api/x/route.ts')]: `
        import { getPosture } from '@/lib/fake/posture';
        import { guarded } from '@/lib/fake/helper';
        export async function GET() { return Response.json(await getPosture()); }
        export async function POST() { return local(); }
        async function local() { return guarded(); }`,
      [path.join(ROOT, 'lib/fake/posture.ts')]: `export async function getPosture() { return {}; }`,
      [path.join(ROOT, 'lib/fake/helper.ts')]: `import { identify } from '../server/auth/identify';\nexport const guarded = async () => identify();`,
    };
    const read: Source = (f) => files[f] ?? disk(f);
    expect(reachesIdentify(path.join(ROOT, 'app/api/x/route.ts'), 'GET', read)).toBe(false);
    expect(reachesIdentify(path.join(ROOT, 'app/api/x/route.ts'), 'POST', read)).toBe(true);
  });
});
