// A finding's own fix: a sentence naming what to change, then a strategic-merge patch for the
// one object (kubectl patch --type strategic --patch-file) that sets exactly those fields on the
// named containers, removes the named volume and its mounts, and so on. The YAML is emitted by
// plain-yaml.ts when every string in it is plain (the common case, and fast), else by the `yaml`
// library (it quotes whatever a cluster name needs) and read back; fenced as ```yaml like the
// checks' generic advice. Every cluster name in it is marked for redaction like a finding's message (lib/posture/message.ts). When a
// name cannot be marked, there is no per-object fix and the check's generic advice stands. Pure.
import { isScalar, parseDocument, stringify, visit } from 'yaml';
import { join, marked, msg, obj, prose, type Message } from '../message';
import { plainYaml } from './plain-yaml';
import type { NameAt, NamedValue, ResourceRef } from '../types';

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

/** One change to a pod spec; `field` is the path below the container or the pod spec. */
export type PodEdit =
  | { at: 'pod'; field: string[]; value: unknown }
  | { at: 'container'; list: ContainerList; container: string; field: string[]; value: unknown }
  /** A port by its containerPort (the list's merge key), e.g. to drop its hostPort. */
  | { at: 'port'; list: ContainerList; container: string; containerPort: number; field: string; value: unknown }
  /** Delete the volume, and in each container the mount of it (volumeMounts merge on mountPath). */
  | { at: 'remove-volume'; volume: string; mounts: { list: ContainerList; container: string; mountPath: string }[] }
  /** An annotation on the pod (template) metadata; null removes it. */
  | { at: 'pod-annotation'; key: string; value: string | null };

/** The path from the object to its pod spec, by kind (Pod: spec; CronJob: spec.jobTemplate.spec.template.spec). */
export function podSpecPath(kind: string): string[] | null {
  if (kind === 'Pod') return ['spec'];
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job'].includes(kind)) return ['spec', 'template', 'spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return null;
}

type Obj = Record<string, unknown>;

/** The patch object for one workload: kind/metadata header, then the edits at its pod spec. */
export function podPatch(target: ResourceRef, edits: readonly PodEdit[]): Obj | null {
  const specPath = podSpecPath(target.kind);
  if (!specPath) return null;
  const root = header(target);
  const spec = dig(root, specPath);
  const podMeta = () => dig(root, [...specPath.slice(0, -1), 'metadata']);
  const containerOf = (list: ContainerList, name: string): Obj => {
    const entries = (spec[list] ??= []) as Obj[];
    let c = entries.find((e) => e.name === name);
    if (!c) entries.push((c = { name }));
    return c;
  };
  for (const e of edits) {
    if (e.at === 'pod') setAt(spec, e.field, e.value);
    else if (e.at === 'container') setAt(containerOf(e.list, e.container), e.field, e.value);
    else if (e.at === 'port') {
      const ports = (containerOf(e.list, e.container).ports ??= []) as Obj[];
      let p = ports.find((x) => x.containerPort === e.containerPort);
      if (!p) ports.push((p = { containerPort: e.containerPort }));
      p[e.field] = e.value;
    } else if (e.at === 'remove-volume') {
      const volumes = (spec.volumes ??= []) as Obj[];
      if (!volumes.some((v) => v.name === e.volume)) volumes.push({ name: e.volume, $patch: 'delete' });
      for (const m of e.mounts) {
        const mounts = (containerOf(m.list, m.container).volumeMounts ??= []) as Obj[];
        if (!mounts.some((x) => x.mountPath === m.mountPath)) mounts.push({ mountPath: m.mountPath, $patch: 'delete' });
      }
    } else setAt(dig(podMeta(), ['annotations']), [e.key], e.value);
  }
  return root;
}

/** A patch for the object itself (not its pod spec): header plus `fields` merged in. */
export function objectPatch(target: ResourceRef, fields: Obj): Obj {
  return { ...header(target), ...fields };
}

function header(t: ResourceRef): Obj {
  return {
    ...(t.apiVersion ? { apiVersion: t.apiVersion } : {}),
    kind: t.kind,
    metadata: t.namespace ? { name: t.name, namespace: t.namespace } : { name: t.name },
  };
}

function dig(o: Obj, path: readonly string[]): Obj {
  let at = o;
  for (const k of path) at = (at[k] ??= {}) as Obj;
  return at;
}

function setAt(o: Obj, path: readonly string[], value: unknown): void {
  dig(o, path.slice(0, -1))[path[path.length - 1]!] = value;
}

const FENCE_OPEN = '\n```yaml\n';
const FENCE_CLOSE = '\n```';

/** What a Finding carries: the advice (sentence, then YAML) and where cluster names sit in it. */
export interface Remedy {
  remediation: string;
  remediationNames: NameAt[];
}

/**
 * The sentence, then the patch as YAML. `names` are the cluster names the patch holds besides
 * the target (containers, volumes, host paths, images): each scalar equal to one is marked.
 * undefined when a name could not be marked (the caller keeps its generic advice).
 */
export function remedy(sentence: Message, patch: Obj | null, names: readonly NamedValue[] = []): Remedy | undefined {
  const intro = marked(sentence);
  if (!patch) return { remediation: intro.message, remediationNames: intro.names };
  const meta = patch.metadata as Obj | undefined;
  const all: NamedValue[] = [...names];
  if (typeof meta?.namespace === 'string') all.push({ role: 'namespace', value: meta.namespace });
  if (typeof meta?.name === 'string') all.push({ role: 'object', value: meta.name, kind: String(patch.kind) });
  const byValue = new Map(all.filter((n) => n.value.length > 0).map((n) => [n.value, n]));
  const offset = intro.message.length + FENCE_OPEN.length; // fenced as lib's Remediation component reads it
  const yamlNames: NameAt[] = [];
  let unmarkable = false;
  const fast = plainYaml(patch);
  const yaml = fast?.text ?? stringify(patch, { lineWidth: 0 });
  if (fast) {
    // Every string is plain: each name sits at its scalar's start.
    for (const s of fast.strings) {
      const n = byValue.get(s.value);
      if (n) yamlNames.push({ ...n, at: offset + s.at });
    }
  } else {
    visit(parseDocument(yaml), {
      Scalar(_key, node) {
        if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return;
        const n = byValue.get(node.value);
        if (!n) return;
        const source = yaml.slice(node.range[0], node.range[1]);
        const inner = source === n.value ? 0 : source === `"${n.value}"` || source === `'${n.value}'` ? 1 : -1;
        if (inner < 0) unmarkable = true;
        else yamlNames.push({ ...n, at: offset + node.range[0] + inner });
      },
    });
  }
  const text = `${intro.message}${FENCE_OPEN}${yaml.trimEnd()}${FENCE_CLOSE}`;
  const marks = [...intro.names, ...yamlNames.sort((a, b) => a.at - b.at)];
  // A name left in prose or a key (e.g. an annotation naming a container) would show in a redacted share.
  if (
    unmarkable ||
    leftUnmarked(
      text,
      marks,
      [...byValue.keys()].filter((v) => v.length > 1),
    )
  )
    return undefined; // "/" names nothing
  return { remediation: text, remediationNames: marks };
}

function leftUnmarked(text: string, marks: readonly NameAt[], values: readonly string[]): boolean {
  const prose = unmarkedProse(text, marks);
  return values.some((v) => prose.mentions(v));
}

/** The text with its marked names taken out, and whether a name is still mentioned in what is left. */
export function unmarkedProse(text: string, marks: readonly NameAt[]): { mentions(name: string): boolean } {
  let rest = '';
  let from = 0;
  for (const m of marks) {
    rest += `${text.slice(from, m.at)}\u0000`;
    from = m.at + m.value.length;
  }
  rest += text.slice(from);
  // A name of word characters only is mentioned exactly when it is one of rest's words: one split
  // instead of a search per name (a pod with 5,000 containers made that quadratic).
  const words = new Set(rest.split(/[^A-Za-z0-9_.-]+/));
  return { mentions: (v) => (WORD_ONLY.test(v) ? words.has(v) : mentionsToken(rest, v)) };
}

const WORD_ONLY = /^[A-Za-z0-9_.-]+$/;

/** Whether text holds name as a whole word (not "app" inside "appArmorProfile"). */
function mentionsToken(text: string, name: string): boolean {
  const word = /[A-Za-z0-9_.-]/;
  for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) {
    if (!word.test(text[i - 1] ?? ' ') && !word.test(text[i + name.length] ?? ' ')) return true;
  }
  return false;
}

/** `container \`agent\``, `containers \`a\`, \`b\``: names marked as Containers. */
export function containersPhrase(names: readonly string[]): Message {
  const marks = names.map((n) => msg`\`${obj(n, 'Container')}\``);
  const joined = join(marks); // one pass: folding msg`${acc}, ${m}` copied the list per name
  return msg`${prose(names.length === 1 ? 'container' : 'containers')} ${joined}`;
}
