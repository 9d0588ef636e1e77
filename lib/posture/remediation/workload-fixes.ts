// Per-object fixes for the workload checks outside the Pod Security Standards: the edits each
// check's finding needs on its own containers and pod spec (said and patched by pod-fix.ts). Pure.
import type { PodSpec, Workload } from '../../cluster/types';
import { image, join, msg, named, ns, obj, subject, type Message } from '../message';
import { remedy, type PodEdit, type Remedy } from './patch';
import { mountsOf, specContainers, workloadRemedy, workloadRemedyFor } from './pod-fix';

/** Where each container is (list and name), by name. */
function locate(spec: PodSpec, names: readonly string[]) {
  return specContainers(spec).filter((c) => names.includes(c.name));
}

/** Set one field to one value on the named containers. */
export function containerFieldRemedy(w: Workload, containers: readonly string[], field: string[], value: unknown): Remedy | undefined {
  return workloadRemedy(
    w,
    locate(w.spec, containers).map((c) => ({ at: 'container', list: c.list, container: c.name, field, value })),
  );
}

/** Set one pod spec field. */
export function podFieldRemedy(w: Workload, field: string[], value: unknown): Remedy | undefined {
  return workloadRemedy(w, [{ at: 'pod', field, value }]);
}

const STARTING_POINT: Record<string, string> = {
  'resources.requests.cpu': '100m',
  'resources.requests.memory': '128Mi',
  'resources.limits.cpu': '500m',
  'resources.limits.memory': '256Mi',
};

/** Each container's missing resources fields (e.g. resources.limits.memory): a limit starts from the container's own request. */
export function resourcesRemedy(w: Workload, gaps: readonly { container: string; missing: string[] }[]): Remedy | undefined {
  const edits: PodEdit[] = [];
  for (const c of locate(
    w.spec,
    gaps.map((g) => g.container),
  )) {
    const res = (c.raw.resources ?? {}) as { requests?: Record<string, unknown> };
    for (const field of gaps.find((g) => g.container === c.name)!.missing) {
      const [, kind, resource] = field.split('.') as [string, string, string];
      const request = kind === 'limits' && resource === 'memory' ? res.requests?.memory : undefined;
      const value = typeof request === 'string' ? request : STARTING_POINT[field];
      if (value) edits.push({ at: 'container', list: c.list, container: c.name, field: field.split('.'), value });
    }
  }
  return workloadRemedy(w, edits, [], { after: 'The values are a starting point: size them to what the container uses.' });
}

/** Remove each sensitive hostPath volume (and its mounts), unprivilege and de-host the pod. */
export function hostAccessRemedy(w: Workload, sensitive: (path: string) => string | null, nodeCapability: (cap: string) => boolean): Remedy | undefined {
  const edits: PodEdit[] = [];
  for (const c of specContainers(w.spec)) {
    const sc = (c.raw.securityContext ?? {}) as { privileged?: unknown; capabilities?: { add?: unknown } };
    if (sc.privileged === true) edits.push({ at: 'container', list: c.list, container: c.name, field: ['securityContext', 'privileged'], value: false });
    const add = Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : [];
    if (add.some((a) => nodeCapability(String(a)))) {
      edits.push({
        at: 'container',
        list: c.list,
        container: c.name,
        field: ['securityContext', 'capabilities', 'add'],
        value: add.filter((a) => !nodeCapability(String(a))),
      });
    }
  }
  for (const ns of ['hostPID', 'hostIPC', 'hostNetwork'] as const) if (w.spec[ns] === true) edits.push({ at: 'pod', field: [ns], value: false });
  for (const v of Array.isArray(w.spec.volumes) ? w.spec.volumes : []) {
    const path = (v as { hostPath?: { path?: unknown } }).hostPath?.path;
    if (typeof path === 'string' && typeof v.name === 'string' && sensitive(path))
      edits.push({ at: 'remove-volume', volume: v.name, mounts: mountsOf(w.spec, v.name) });
  }
  return workloadRemedy(w, edits);
}

/** Pin each named container's image: no patch (the digest is the registry's), the containers and images named. */
export function pinImagesRemedy(w: Workload, containers: readonly { name: string; image: string }[]): Remedy | undefined {
  const each = containers.map((c) => msg`container ${obj(c.name, 'Container')} (image ${image(c.image)})`);
  const list = join(each);
  return remedy(
    msg`In ${named(w)}, pin ${list} to a digest: append @sha256:<digest> to the image, taking the digest from the registry (crane digest <image>, or docker buildx imagetools inspect <image>).`,
    null,
  );
}

/** A ServiceAccount of the workload's own (named after it, token off unless it calls the API), set on its pod spec. */
export function ownServiceAccountRemedy(w: Workload): Remedy | undefined {
  return workloadRemedyFor(w, (t) => ({
    edits: [{ at: 'pod', field: ['serviceAccountName'], value: t.name }],
    extraNames: [{ role: 'subject', value: t.name }],
    words: {
      before: msg`Create ServiceAccount ${subject(t.name)} in namespace ${ns(t.namespace)} (automountServiceAccountToken: false unless the workload calls the API), then `,
    },
  }));
}
