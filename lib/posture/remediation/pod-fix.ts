// A workload's fix in words and as a patch: the edits (lib/posture/remediation/patch.ts) said
// as a sentence that names the containers, fields and volumes, then the YAML. Pure.
import type { PodSpec, Workload } from '../../cluster/types';
import { flatContainers } from '../indexes/containers';
import { filledSlots, join, Message, msg, NAME_SLOT, NAMESPACE_SLOT, named, obj, prose } from '../message';
import type { NamedValue } from '../types';
import { plain } from './plain-yaml';
import { containersPhrase, podPatch, remedy, type ContainerList, type PodEdit, type Remedy } from './patch';

export interface SpecContainer {
  list: ContainerList;
  index: number;
  name: string;
  raw: Record<string, unknown>;
}

/** Every named container of the spec with the list it sits in (a patch addresses it by list and name). */
export function specContainers(spec: PodSpec): SpecContainer[] {
  return flatContainers(spec).flatMap((c) => (c.ownName === undefined ? [] : [{ list: c.list, index: c.index, name: c.ownName, raw: c.raw }]));
}

/** The containers that mount a volume, with where (to remove the mounts with the volume). */
export function mountsOf(spec: PodSpec, volume: string): { list: ContainerList; container: string; mountPath: string }[] {
  return specContainers(spec).flatMap((c) =>
    (Array.isArray(c.raw.volumeMounts) ? (c.raw.volumeMounts as unknown[]) : []).flatMap((m) => {
      const mount = m as { name?: unknown; mountPath?: unknown } | null;
      return mount?.name === volume && typeof mount.mountPath === 'string' ? [{ list: c.list, container: c.name, mountPath: mount.mountPath }] : [];
    }),
  );
}

/** Host paths that are a container runtime's socket (or the directory holding it): control of every container on the node. */
export function runtimeSocket(path: string): boolean {
  const p = path.replace(/\/+$/, '');
  return /\/(docker|containerd|crio|cri-dockerd)(\.sock)?(\/|$)/.test(p) || p === '/var/run' || p === '/run';
}

type Target = Pick<Workload, 'kind' | 'apiVersion' | 'namespace' | 'name' | 'spec'>;

/** The sentence for the edits and the patch for this workload; undefined when a name cannot be marked. */
export function workloadRemedy(
  w: Target,
  edits: readonly PodEdit[],
  extraNames: readonly NamedValue[] = [],
  words: { before?: Message; after?: string } = {},
): Remedy | undefined {
  if (edits.length === 0) return undefined;
  // Words before the sentence may name anything: workloadRemedyFor says how they name the workload.
  if (words.before) return ownRemedy(w, edits, extraNames, words);
  return workloadRemedyFor(w, () => ({ edits, extraNames, words }));
}

export interface FixParts {
  edits: readonly PodEdit[];
  extraNames?: readonly NamedValue[];
  words?: { before?: Message; after?: string };
}

/**
 * workloadRemedy for a fix whose edits or words name the workload itself (its namespace or
 * name): `parts` gives them for any namespace and name, so the fix can be shared too.
 */
export function workloadRemedyFor(w: Target, parts: (t: Target) => FixParts): Remedy | undefined {
  // Only what a Target holds: spreading a whole Workload per finding was a fifth of this function.
  const slotted: Target = { kind: w.kind, apiVersion: w.apiVersion, namespace: NAMESPACE_SLOT, name: NAME_SLOT, spec: w.spec };
  const own = () => {
    const p = parts(w);
    return p.edits.length ? ownRemedy(w, p.edits, p.extraNames ?? [], p.words ?? {}) : undefined;
  };
  const p = parts(slotted);
  const key = p.edits.length ? sharedKey(w, p) : null;
  if (key === null) return own();
  let shared = sharedFixes.get(key);
  if (shared === undefined) {
    if (sharedFixes.size >= 5_000) sharedFixes.clear();
    shared = ownRemedy(slotted, p.edits, p.extraNames ?? [], p.words ?? {}) ?? null;
    sharedFixes.set(key, shared);
  }
  return (shared && filled(shared, w)) ?? own();
}

// Workloads that need the same edits (most: containers are named alike, and the edits name only
// containers, fields and values) get the same fix but for the object's namespace and name: it is
// built once with these in their place, then filled in. The slots are plain names, marked
// wherever they stand, so filling them in moves only the marks after them.
const sharedFixes = new Map<string, Remedy | null>();

/** Everything but the namespace and name that the fix is made of; null when it cannot be said exactly. */
function sharedKey(w: Target, { edits, extraNames = [], words = {} }: FixParts): string | null {
  const before = words.before ? [words.before.parts.text, words.before.parts.names] : null;
  const hostPaths = edits.map((e) => (e.at === 'remove-volume' ? volumeHostPath(w.spec, e.volume) : null));
  // JSON merges values whose YAML differs (undefined, NaN, -0): edits holding one are built on their own.
  if (!edits.every((e) => (e.at === 'container' || e.at === 'pod' || e.at === 'port' ? exactJson(e.value) : true))) return null;
  return JSON.stringify([w.kind, w.apiVersion ?? null, before, words.after ?? null, hostPaths, extraNames, edits]);
}

/** Whether JSON.stringify gives v back exactly: strings, booleans, null, finite numbers but -0, in plain lists and maps. */
function exactJson(v: unknown): boolean {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!exactJson(v[i])) return false; // a hole reads as undefined
    return true;
  }
  return typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(exactJson);
}

/**
 * The shared fix with the workload's namespace and name in the slots, exactly as building it for
 * the workload gives; undefined when that cannot be promised (the names would be quoted in YAML,
 * are one letter, equal each other, or occur anywhere in the shared text, where they could be a
 * key, another name or a word of the prose), and the caller builds it.
 */
function filled(shared: Remedy, w: Target): Remedy | undefined {
  const text = shared.remediation;
  for (const v of [w.namespace, w.name]) if (v.length < 2 || !plain(v) || text.includes(v)) return undefined;
  if (w.namespace === w.name) return undefined;
  const filled = filledSlots(text, shared.remediationNames, w);
  return { remediation: filled.text, remediationNames: filled.names };
}

/** workloadRemedy built for the one workload, never shared (pod-fix.test.ts holds the two equal). */
export function ownRemedy(w: Target, edits: readonly PodEdit[], extraNames: readonly NamedValue[], words: { before?: Message; after?: string }): Remedy | undefined {
  const { before, after } = words;
  const target = { kind: w.kind, apiVersion: w.apiVersion, namespace: w.namespace, name: w.name };
  const names: NamedValue[] = [...extraNames];
  const parts: Message[] = [];
  const byContainer = new Map<string, string[]>();
  const podFields: string[] = [];
  for (const e of edits) {
    if (e.at === 'container') {
      names.push({ role: 'object', value: e.container, kind: 'Container' });
      byContainer.set(e.container, [...(byContainer.get(e.container) ?? []), `\`${e.field.join('.')}: ${show(e.value)}\``]);
    } else if (e.at === 'pod')
      podFields.push(`\`${e.field.join('.')}${typeof e.value === 'string' ? '' : `: ${show(e.value)}`}\``); // a string may be a name: the patch shows it
    else if (e.at === 'port') {
      names.push({ role: 'object', value: e.container, kind: 'Container' });
      parts.push(msg`remove \`${prose(e.field)}\` from port ${e.containerPort} of ${containersPhrase([e.container])}`);
    } else if (e.at === 'remove-volume') {
      // Mount paths often repeat the volume's name ("/backups"): marked too, as hiding more is the safe side.
      names.push(
        { role: 'object', value: e.volume, kind: 'Volume' },
        ...e.mounts.flatMap((m) => [
          { role: 'object' as const, value: m.container, kind: 'Container' },
          { role: 'object' as const, value: m.mountPath, kind: 'MountPath' },
        ]),
      );
      const hostPath = volumeHostPath(w.spec, e.volume);
      if (hostPath) names.push({ role: 'object', value: hostPath, kind: 'HostPath' });
      const source = hostPath
        ? msg` (hostPath ${obj(hostPath, 'HostPath')}${prose(runtimeSocket(hostPath) ? ", the container runtime's socket" : '')})`
        : msg``;
      const containers = [...new Set(e.mounts.map((m) => m.container))];
      const mounts = containers.length ? msg` and its volumeMount in ${containersPhrase(containers)}` : msg``;
      parts.push(msg`remove volume \`${obj(e.volume, 'Volume')}\`${source}${mounts}`);
    } else parts.push(msg`remove the pod annotation the patch names`);
  }
  if (podFields.length) parts.unshift(msg`set ${prose(podFields.join(', '))} in the pod spec`);
  // Containers that need the same fields are named together: "set `x: false` in containers `a`, `b`".
  const byFields = new Map<string, string[]>();
  for (const [container, fields] of byContainer) {
    const key = fields.join(', ');
    const same = byFields.get(key);
    if (same) same.push(container);
    else byFields.set(key, [container]);
  }
  for (const [fields, containers] of [...byFields].reverse()) parts.unshift(msg`set ${prose(fields)} in ${containersPhrase(containers)}`);
  const said = join(parts, '; ');
  return remedy(
    msg`${before ?? msg``}${before ? said : capitalised(said)}.${prose(after ? ` ${after}` : '')} Patch for ${named(w)}:`,
    podPatch(target, edits),
    names,
  );
}

function volumeHostPath(spec: PodSpec, volume: string): string | null {
  const v = (Array.isArray(spec.volumes) ? spec.volumes : []).find((x) => x?.name === volume) as { hostPath?: { path?: unknown } } | undefined;
  return typeof v?.hostPath?.path === 'string' ? v.hostPath.path : null;
}

function show(v: unknown): string {
  return v === null ? 'null (remove it)' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function capitalised(m: Message): Message {
  const text = [...m.parts.text];
  text[0] = text[0]!.charAt(0).toUpperCase() + text[0]!.slice(1);
  return new Message({ text, names: m.parts.names });
}
