// Content negotiation on the Accept header. Clients list what they take in order of
// preference, e.g. kubectl get: `application/json;as=Table;v=v1;g=meta.k8s.io,application/json`.
// We answer with the first entry we can produce; plain JSON is always possible.

export type Format = 'json' | 'table' | 'aggregated-discovery' | 'metadata';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  return header.split(',').map((part) => {
    const [type = '', ...rest] = part.split(';').map((s) => s.trim());
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
    }
    return { type: type.toLowerCase(), params };
  });
}

/** The first format in the client's order that `offered` contains; null = nothing acceptable (406). */
export function negotiate(header: string | undefined, offered: readonly Format[]): Format | null {
  const ranges = parseAccept(header);
  if (ranges.length === 0) return 'json';
  for (const r of ranges) {
    const f = formatOf(r);
    if (f && offered.includes(f)) return f;
  }
  return null;
}

function formatOf({ type, params }: MediaRange): Format | null {
  if (type === '*/*' || type === 'application/*') return 'json';
  if (type !== 'application/json') return null;
  if (!params.as) return 'json';
  if (params.as === 'Table' && params.g === 'meta.k8s.io' && params.v === 'v1') return 'table';
  // PartialObjectMetadata for a single object, PartialObjectMetadataList for a list: metadata only.
  if ((params.as === 'PartialObjectMetadata' || params.as === 'PartialObjectMetadataList') && params.g === 'meta.k8s.io' && params.v === 'v1')
    return 'metadata';
  if (params.as === 'APIGroupDiscoveryList' && params.g === 'apidiscovery.k8s.io' && params.v === 'v2') return 'aggregated-discovery';
  return null;
}
