import { describe, expect, it } from 'vitest';
import type { PodSpec, Workload } from '../../cluster/types';
import { ns, msg, subject } from '../message';
import { ownRemedy, workloadRemedy } from './pod-fix';
import { ownServiceAccountRemedy } from './workload-fixes';
import type { PodEdit } from './patch';

const spec: PodSpec = {
  containers: [{ name: 'app', image: 'nginx' }],
  volumes: [{ name: 'host', hostPath: { path: '/var/run/docker.sock' } }],
};
const workload = (namespace: string, name: string, kind: Workload['kind'] = 'Deployment'): Workload => ({
  kind,
  apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1',
  namespace,
  name,
  podLabels: {},
  podAnnotations: {},
  spec,
  pods: 1,
});
const EDITS: PodEdit[][] = [
  [{ at: 'container', list: 'containers', container: 'app', field: ['securityContext', 'readOnlyRootFilesystem'], value: true }],
  [
    { at: 'pod', field: ['hostNetwork'], value: false },
    { at: 'container', list: 'containers', container: 'app', field: ['securityContext', 'capabilities', 'add'], value: ['NET_BIND_SERVICE'] },
    { at: 'remove-volume', volume: 'host', mounts: [{ list: 'containers', container: 'app', mountPath: '/var/run/docker.sock' }] },
  ],
  [{ at: 'port', list: 'containers', container: 'app', containerPort: 80, field: 'hostPort', value: null }],
  [{ at: 'pod', field: ['securityContext', 'seccompProfile', 'type'], value: 'RuntimeDefault' }],
  // JSON would read these as null and 0: built on their own.
  [{ at: 'pod', field: ['x'], value: Number.NaN }],
  [{ at: 'pod', field: ['x'], value: -0 }],
];
// Names that collide with the shared text (a key, the container, a volume, each other), that YAML
// would quote, one letter long, or not Kubernetes names at all; and ordinary ones.
const NAMES = ['web', 'payments-00012', 'app', 'host', 'securityContext', 'spec', 'true', '123', 'a', 'Patch', 'web.v2', 'a_b', 'x/y', 'docker.sock', 'containers'];

describe('workloadRemedy shared between workloads that need the same edits', () => {
  it('gives exactly the fix built for the workload alone, whatever its namespace and name', () => {
    let compared = 0;
    for (const [i, edits] of EDITS.entries()) {
      // The last two go through the yaml library: slower, so fewer names.
      const names = i < 4 ? NAMES : NAMES.slice(0, 4);
      for (const kind of ['CronJob', 'Pod'] as const) {
        for (const namespace of NAMES.slice(0, 6)) {
          for (const name of names) {
            const w = workload(namespace, name, kind);
            expect(workloadRemedy(w, edits)).toEqual(ownRemedy(w, edits, [], {}));
            expect(JSON.stringify(workloadRemedy(w, edits, [], { after: 'Then roll it out.' }))).toBe(JSON.stringify(ownRemedy(w, edits, [], { after: 'Then roll it out.' })));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(2 * 6 * (4 * NAMES.length + 2 * 4));
  });

  it('marks the namespace and name where they stand in the filled-in fix', () => {
    const r = workloadRemedy(workload('shop', 'checkout'), EDITS[0]!)!;
    expect(r.remediation).toContain('Patch for Deployment shop/checkout:');
    expect(r.remediation).toContain('  name: checkout\n  namespace: shop\n');
    for (const m of r.remediationNames) expect(r.remediation.slice(m.at, m.at + m.value.length)).toBe(m.value);
    expect(r.remediationNames.filter((m) => m.value === 'shop' || m.value === 'checkout')).toHaveLength(4);
  });

  it('shares a fix whose words and edits name the workload itself (its own ServiceAccount)', () => {
    for (const namespace of NAMES.slice(0, 5)) {
      for (const name of NAMES) {
        const w = workload(namespace, name);
        const alone = ownRemedy(w, [{ at: 'pod', field: ['serviceAccountName'], value: name }], [{ role: 'subject', value: name }], {
          before: msg`Create ServiceAccount ${subject(name)} in namespace ${ns(namespace)} (automountServiceAccountToken: false unless the workload calls the API), then `,
        });
        expect(JSON.stringify(ownServiceAccountRemedy(w))).toBe(JSON.stringify(alone));
      }
    }
  });
});
