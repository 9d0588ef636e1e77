import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../../cluster/types';
import { CONTROLS } from '../../../pss/controls/index';
import { evaluateControl } from '../../../pss/evaluate';
import { parseEnforcePolicy } from '../../../pss/namespace-level';
import { message, sharedMessage, type NamespaceView } from './pss-check';

const workload = (namespace: string, name: string, container: string): Workload => ({
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  namespace,
  name,
  podLabels: {},
  podAnnotations: {},
  spec: {
    hostNetwork: true,
    containers: [{ name: container, image: 'nginx', securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] } }, ports: [{ containerPort: 80, hostPort: 80 }] }],
    volumes: [{ name: 'host', hostPath: { path: '/var/run/docker.sock' } }],
  },
  pods: 1,
});
const VIEWS: NamespaceView[] = [
  { known: true, policy: parseEnforcePolicy({ 'pod-security.kubernetes.io/enforce': 'restricted' }) },
  { known: true, policy: parseEnforcePolicy({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.30' }) },
  { known: true, policy: parseEnforcePolicy({}) },
  { known: false, policy: parseEnforcePolicy({}) },
  { known: true, policy: parseEnforcePolicy({ 'pod-security.kubernetes.io/enforce': 'strict' }) }, // a label error: unmarked
];
// Names that collide with the sentence (the container, a volume, a word of it, each other), one
// letter long, or ordinary.
const NAMES = ['shop', 'payments-00012', 'app', 'host', 'privileged', 'container', 'a', 'docker.sock', 'Deployment'];

describe('sharedMessage', () => {
  it('gives exactly the sentence built for the workload alone', () => {
    let compared = 0;
    for (const control of CONTROLS) {
      for (const view of VIEWS) {
        for (const namespace of NAMES.slice(0, 5)) {
          for (const name of NAMES) {
            for (const container of ['app', 'web']) {
              const w = workload(namespace, name, container);
              const v = evaluateControl(control, view.policy.minor, { annotations: {}, spec: w.spec });
              if (!v) continue;
              expect(JSON.stringify(sharedMessage(w, v, control, view))).toBe(JSON.stringify(message(w, v, control, view)));
              compared++;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
