// Splitting an image reference the way container runtimes do.
export interface ImageRef {
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
}

// Each check that reads images parses every container's: once per distinct image string instead
// (a pure function of the string; bounded, as the strings come from the cluster).
const parsed = new Map<string, Readonly<ImageRef> | null>();

export function parseImage(image: string): Readonly<ImageRef> | null {
  let ref = parsed.get(image);
  if (ref === undefined) {
    if (parsed.size >= 50_000) parsed.clear();
    ref = parse(image);
    parsed.set(image, ref && Object.freeze(ref));
  }
  return ref;
}

function parse(image: string): ImageRef | null {
  const s = image.trim();
  if (s === '') return null;
  const [nameAndTag, digest] = s.split('@', 2) as [string, string | undefined];
  const slash = nameAndTag.lastIndexOf('/');
  const colon = nameAndTag.lastIndexOf(':');
  const hasTag = colon > slash;
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : null;
  const first = name.split('/')[0]!;
  // The first path part is a registry only when it looks like a host (has a dot or port, or is localhost).
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let repository = hasRegistry ? name.slice(first.length + 1) : name;
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  return { registry, repository, tag, digest: digest ?? null };
}
