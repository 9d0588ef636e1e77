// Objects a hostile or broken cluster could hold: markup and script in names, labels and
// annotations, bidi and zero-width characters, megabyte annotations, a pod with thousands of
// containers, cyclic ownerReferences, ClusterRoles that aggregate themselves. Shared by the
// unit tests (e2e/hostile.unit.test.ts) and the browser test (e2e/hostile.spec.ts).
import type { K8sObject } from '../lib/cluster/types';

/** Every payload that would run sets window.__kpInjected or opens a dialog, and most add an element with this id. */
export const INJECTED_ID = 'kp-injected';
export const PAYLOADS = [
  `<img src=x id=${INJECTED_ID} onerror="window.__kpInjected=1;alert(1)">`,
  `<script id=${INJECTED_ID}>window.__kpInjected=1;alert(2)</script>`,
  `"><svg id=${INJECTED_ID} onload=alert(3)>`,
  `javascript:alert(4)`,
  `'};alert(5);//`,
  `{{constructor.constructor('alert(6)')()}}`,
] as const;

/** A namespace whose very name is markup; the Kubernetes API would refuse it, a file or a broken proxy may not. */
export const HOSTILE_NS = `x"><img src=x id=${INJECTED_ID} onerror=alert(7)>`;
/** A well-formed namespace holding the rest. */
export const HOSTILE_NS_PLAIN = 'hostile';
export const RTL_NAME = 'invoice\u202Egnp.exe'; // right-to-left override: shows as "invoiceexe.png"
export const ZERO_WIDTH_NAME = 'pay\u200Bments\u200D\uFEFF';
export const MANY_CONTAINERS = 5_000;
const MEGABYTE = 1024 * 1024;

const labels = Object.fromEntries(PAYLOADS.map((p, i) => [`xss-${i}`, p]));
const meta = (name: string, namespace?: string, extra: Record<string, unknown> = {}) => ({ name, ...(namespace ? { namespace } : {}), labels, ...extra });
const container = (name: string, image = 'nginx:1.27') => ({ name, image });

export function hostileObjects(): K8sObject[] {
  const rsA = { apiVersion: 'apps/v1', kind: 'ReplicaSet', uid: 'uid-a', name: 'loop-a' };
  const rsB = { apiVersion: 'apps/v1', kind: 'ReplicaSet', uid: 'uid-b', name: 'loop-b' };
  const owner = (o: typeof rsA) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.name, uid: o.uid, controller: true });
  const template = (app: string) => ({ metadata: { labels: { app } }, spec: { containers: [container('app', PAYLOADS[2])] } });
  const objects: unknown[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: meta(HOSTILE_NS_PLAIN, undefined, { annotations: { note: PAYLOADS.join(' ') } }) },
    { apiVersion: 'v1', kind: 'Namespace', metadata: meta(HOSTILE_NS) },
    // Markup as the name of a pod, its container and its image.
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta(PAYLOADS[1], HOSTILE_NS_PLAIN, { annotations: { description: PAYLOADS[0] } }),
      spec: { containers: [{ name: PAYLOADS[0], image: PAYLOADS[2], securityContext: { privileged: true } }] },
    },
    { apiVersion: 'v1', kind: 'Pod', metadata: meta('in-hostile-name', HOSTILE_NS), spec: { hostNetwork: true, containers: [container(PAYLOADS[4])] } },
    // Bidi and zero-width names.
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(RTL_NAME, HOSTILE_NS_PLAIN),
      spec: { selector: { matchLabels: { app: 'rtl' } }, template: template('rtl') },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta(ZERO_WIDTH_NAME, HOSTILE_NS_PLAIN),
      spec: { selector: { matchLabels: { app: 'zw' } }, template: template('zw') },
    },
    // A megabyte annotation, twice (one of them markup).
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta('huge-annotations', HOSTILE_NS_PLAIN, {
        annotations: { big: 'A'.repeat(MEGABYTE), 'big-markup': (PAYLOADS[0] + ' ').repeat(MEGABYTE / 64) },
      }),
      spec: { selector: { matchLabels: { app: 'huge' } }, template: template('huge') },
    },
    // Thousands of containers in one pod.
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('many-containers', HOSTILE_NS_PLAIN),
      spec: { containers: Array.from({ length: MANY_CONTAINERS }, (_, i) => ({ ...container(`c${i}`), securityContext: { allowPrivilegeEscalation: true } })) },
    },
    // ReplicaSets that own each other, and a pod owned by the loop.
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(rsA.name, HOSTILE_NS_PLAIN, { uid: rsA.uid, ownerReferences: [owner(rsB)] }),
      spec: { template: template('loop') },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: meta(rsB.name, HOSTILE_NS_PLAIN, { uid: rsB.uid, ownerReferences: [owner(rsA)] }),
      spec: { template: template('loop') },
    },
    { apiVersion: 'v1', kind: 'Pod', metadata: meta('loop-pod', HOSTILE_NS_PLAIN, { ownerReferences: [owner(rsA)] }), spec: template('loop').spec },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta('self-owned', HOSTILE_NS_PLAIN, {
        uid: 'uid-self',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'self-owned', uid: 'uid-self', controller: true }],
      }),
      spec: template('self').spec,
    },
    // ClusterRoles that aggregate themselves and each other; one feeds in a wildcard.
    selfAggregating('agg-self', { 'agg/self': 'true' }, { 'agg/self': 'true' }),
    selfAggregating('agg-ping', { 'agg/ring': 'true' }, { 'agg/ring': 'true' }),
    selfAggregating('agg-pong', { 'agg/ring': 'true' }, { 'agg/ring': 'true' }, [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: meta(`bind-${PAYLOADS[2]}`),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'agg-ping' },
      subjects: [{ kind: 'User', name: PAYLOADS[0], apiGroup: 'rbac.authorization.k8s.io' }],
    },
  ];
  return objects as K8sObject[];
}

function selfAggregating(name: string, own: Record<string, string>, selects: Record<string, string>, rules: unknown[] = []) {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, labels: { ...labels, ...own } },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: selects }] },
    rules,
  };
}

/** `depth` nested arrays as JSON text, built without recursion. */
export function deeplyNestedJson(depth: number): string {
  return `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"deep","namespace":"hostile"},"spec":{"containers":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
}

/** A YAML "billion laughs": each alias level multiplies the size by ten. */
export function yamlAliasBomb(levels = 9): string {
  const lines = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: lol, namespace: hostile}',
    'data:',
    '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (let i = 1; i <= levels; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
  return lines.join('\n') + '\n';
}
