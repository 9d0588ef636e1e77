// The changes that cut edges, each as the object, the field and a patch (YAML) that makes it.
import type { Workload } from '../../cluster/types';
import type { Grant } from '../rbac/model';
import { subjectKey, type SubjectRef } from '../rbac/subjects';
import type { ResourceRef } from '../types';
import type { Fix } from './graph';

export const refText = (r: ResourceRef) => `${r.kind} ${r.namespace ? `${r.namespace}/` : ''}${r.name}`;
const refKey = (r: ResourceRef) => `${r.kind}/${r.namespace ?? ''}/${r.name}`;

export function workloadRefOf(w: Workload): ResourceRef {
  return { kind: w.kind, namespace: w.namespace, name: w.name, apiVersion: w.apiVersion };
}

/** Where the pod spec sits in the workload, as YAML path segments. */
function podSpecPath(kind: string): string[] {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return ['spec', 'template', 'spec'];
}

/** YAML for `body` (already YAML lines, relative) nested under the workload's pod spec. */
function underPodSpec(kind: string, body: string[]): string {
  const path = podSpecPath(kind);
  const lines = path.map((p, i) => `${'  '.repeat(i)}${p}:`);
  const pad = '  '.repeat(path.length);
  return [...lines, ...body.map((l) => pad + l)].join('\n');
}

const q = (s: string) => JSON.stringify(s);

// Thousands of changes are planted and ten are listed: a patch's YAML is written when first read.
function lazyPatch(fix: Omit<Fix, 'patch'>, write: () => string): Fix {
  let patch: string | undefined;
  return Object.defineProperty(fix, 'patch', { get: () => (patch ??= write()), enumerable: true }) as Fix;
}

export function containerFieldFix(w: Workload, container: string, field: string, value: string, change: string): Fix {
  const object = workloadRefOf(w);
  return lazyPatch(
    {
      key: `${refKey(object)}:container:${container}:${field}`,
      object,
      field: `${podSpecPath(w.kind).join('.')}.containers[${container}].${field}`,
      change,
    },
    () => underPodSpec(w.kind, ['containers:', `- name: ${q(container)}`, ...nest(field.split('.'), value, '  ')]),
  );
}

function nest(parts: string[], value: string, pad: string): string[] {
  return parts.map((p, i) => `${pad}${'  '.repeat(i)}${p}:${i === parts.length - 1 ? ` ${value}` : ''}`);
}

export function podFieldFix(w: Workload, field: string, value: string, change: string): Fix {
  const object = workloadRefOf(w);
  return lazyPatch(
    { key: `${refKey(object)}:pod:${field}`, object, field: `${podSpecPath(w.kind).join('.')}.${field}`, change },
    () => underPodSpec(w.kind, nest(field.split('.'), value, '')),
  );
}

/** Removing a hostPath volume (and its mounts in the containers that use it). */
export function removeVolumeFix(w: Workload, volume: string, mounts: { container: string; mountPath: string }[], change: string): Fix {
  const object = workloadRefOf(w);
  const byContainer = new Map<string, string[]>();
  for (const m of mounts) byContainer.set(m.container, [...(byContainer.get(m.container) ?? []), m.mountPath]);
  const body = ['volumes:', `- name: ${q(volume)}`, '  $patch: delete'];
  if (byContainer.size) {
    body.push('containers:');
    for (const [c, paths] of byContainer) {
      body.push(`- name: ${q(c)}`, '  volumeMounts:');
      for (const p of paths) body.push(`  - mountPath: ${q(p)}`, '    $patch: delete');
    }
  }
  return {
    key: `${refKey(object)}:volume:${volume}`,
    object,
    field: `${podSpecPath(w.kind).join('.')}.volumes[${volume}]`,
    change,
    patch: underPodSpec(w.kind, body),
  };
}

export function readOnlyMountFix(w: Workload, container: string, volume: string, mountPath: string): Fix {
  const object = workloadRefOf(w);
  return {
    key: `${refKey(object)}:container:${container}:mount:${mountPath}`,
    object,
    field: `${podSpecPath(w.kind).join('.')}.containers[${container}].volumeMounts[${mountPath}].readOnly`,
    change: `mount ${mountPath} read-only in container ${container}`,
    patch: underPodSpec(w.kind, [
      'containers:',
      `- name: ${q(container)}`,
      '  volumeMounts:',
      `  - mountPath: ${q(mountPath)}`,
      `    name: ${q(volume)}`,
      '    readOnly: true',
    ]),
  };
}

/** Taking one subject out of the binding that grants it (the binding's other subjects keep it). */
export function bindingSubjectFix(g: Grant): Fix {
  const b = g.bindingObject;
  const object: ResourceRef = { kind: b.kind, namespace: b.metadata.namespace ?? null, name: b.metadata.name, apiVersion: b.apiVersion };
  const raw = Array.isArray(b.subjects) ? (b.subjects as { kind?: unknown; name?: unknown; namespace?: unknown }[]) : [];
  const others = raw.filter(
    (s) =>
      !(
        s?.kind === g.subject.kind &&
        s?.name === g.subject.name &&
        (g.subject.kind !== 'ServiceAccount' || (s.namespace ?? b.metadata.namespace) === g.subject.namespace)
      ),
  );
  const subject = describe(g.subject);
  const patch =
    others.length === 0
      ? `# ${subject} is the binding's only subject: delete it\n# kubectl delete ${b.kind.toLowerCase()} ${b.metadata.name}${b.metadata.namespace ? ` -n ${b.metadata.namespace}` : ''}\nsubjects: []`
      : [
          'subjects:',
          ...others.flatMap((s) => [
            `- kind: ${q(String(s.kind))}`,
            `  name: ${q(String(s.name))}`,
            ...(s.namespace ? [`  namespace: ${q(String(s.namespace))}`] : []),
          ]),
        ].join('\n');
  return {
    key: `${refKey(object)}:subject:${subjectKey(g.subject)}`,
    object,
    field: 'subjects',
    change: others.length === 0 ? `delete the binding (its only subject is ${subject})` : `remove ${subject} from subjects`,
    patch,
  };
}

function describe(s: SubjectRef): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount ${s.namespace}/${s.name}` : `${s.kind} ${s.name}`;
}

export function namespaceEnforceFix(ns: string): Fix {
  return {
    key: `Namespace//${ns}:enforce`,
    object: { kind: 'Namespace', namespace: null, name: ns, apiVersion: 'v1' },
    field: 'metadata.labels["pod-security.kubernetes.io/enforce"]',
    change: 'enforce Pod Security baseline (privileged pods refused)',
    patch: 'metadata:\n  labels:\n    pod-security.kubernetes.io/enforce: baseline',
  };
}

export function deleteSecretFix(ns: string, name: string): Fix {
  return {
    key: `Secret/${ns}/${name}:delete`,
    object: { kind: 'Secret', namespace: ns, name, apiVersion: 'v1' },
    field: '(the whole object)',
    change: 'delete the legacy token Secret (use projected, short-lived tokens)',
    patch: `# kubectl delete secret ${name} -n ${ns}`,
  };
}
