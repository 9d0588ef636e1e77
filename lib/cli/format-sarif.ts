// SARIF 2.1.0, so CI systems (GitHub code scanning and others) can show findings. Objects read
// from files get a physical location (file relative to the working directory, and line), so
// code scanning annotates the manifest; every result keeps its logical location (the object).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceLocation } from '../cluster/source-location';
import type { PostureDocument, ResourceRef, Severity } from '../posture/types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note' | 'none'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'none' };
// GitHub ranks results by this property (0-10).
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0', info: '0.0' };

export interface RuleMeta {
  remediation: string;
  /** A check's documentation: an absolute URL becomes the rule's helpUri. */
  docs?: string;
}

export interface SarifOptions {
  rules: Map<string, RuleMeta>;
  /** Where an object came from, when it was read from a file. */
  locate?: (ref: ResourceRef) => SourceLocation | undefined;
  /** Files are given relative to this folder (the working directory). */
  baseDir?: string;
}

/**
 * The hook for check documentation. Checks carry no docs yet; when defineCheck gains a `docs`
 * slug, resolve it here against the published docs' base URL.
 */
export function helpUri(docs: string | undefined): string | undefined {
  if (!docs) return undefined;
  try {
    return new URL(docs).href;
  } catch {
    return undefined; // a bare slug: no published base to resolve it against yet
  }
}

/** A check's catalogue page (`docs`, a path) as an absolute URL on the dashboard at `base` (KUBE_POSTURE_URL). */
export function docsUrl(docs: string | undefined, base: string | undefined): string | undefined {
  if (!docs || !base) return undefined;
  try {
    return new URL(docs, base).href;
  } catch {
    return undefined;
  }
}

export function formatSarif(doc: PostureDocument, opts: SarifOptions): string {
  const baseDir = opts.baseDir ?? process.cwd();
  const rules = doc.checks.map((c) => {
    const meta = opts.rules.get(c.id);
    const uri = helpUri(meta?.docs);
    return {
      id: c.id,
      name: c.id,
      shortDescription: { text: c.title },
      help: { text: meta?.remediation ?? c.title },
      ...(uri ? { helpUri: uri } : {}),
      defaultConfiguration: { level: LEVEL[c.severity] },
      properties: { 'security-severity': SECURITY_SEVERITY[c.severity], area: c.area, tags: ['security', 'kubernetes', c.area] },
    };
  });
  const results = doc.findings.map((f) => {
    const name = `${f.resource.kind}/${f.resource.namespace ? f.resource.namespace + '/' : ''}${f.resource.name}`;
    const source = opts.locate?.(f.resource);
    return {
      ruleId: f.checkId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          ...(source ? { physicalLocation: physicalLocation(source, baseDir) } : {}),
          logicalLocations: [{ name, kind: 'resource', fullyQualifiedName: `${doc.cluster.name}/${name}` }],
        },
      ],
      properties: { severity: f.severity, remediation: f.remediation },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kube-posture', rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(baseDir + path.sep).href } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function physicalLocation(source: SourceLocation, baseDir: string) {
  const abs = path.resolve(baseDir, source.file);
  const rel = path.relative(baseDir, abs);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const artifactLocation = inside ? { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' } : { uri: pathToFileURL(abs).href };
  return { artifactLocation, ...(source.line ? { region: { startLine: source.line } } : {}) };
}
