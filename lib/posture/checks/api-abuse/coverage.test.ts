import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../cluster/types';
import { AuditAggregator } from '../../audit/aggregate';
import { auditEvent } from '../../audit/test-events';
import { detectCoverage } from '../../coverage/detect';
import { deployment, inventoryOf, pod } from '../../test-inventory';
import coverage from './coverage';
import { AUDIT_DETECTIONS } from './index';

function apiServer(flags: string[]): K8sObject {
  const p = pod('kube-system', 'kube-apiserver-cp-1', {
    containers: [{ name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.31.4', command: ['kube-apiserver', '--secure-port=6443', ...flags] } as never],
  });
  p.metadata.labels = { component: 'kube-apiserver', tier: 'control-plane' };
  return p;
}
const falcoK8sAudit = deployment('falco', 'falco-k8saudit', {
  containers: [{ name: 'falco', image: 'docker.io/falcosecurity/falco:0.39.2', args: ['/usr/bin/falco', '-o', 'load_plugins[0]=k8saudit'] } as never],
});
const falcoSyscalls = deployment('falco', 'falco', { containers: [{ name: 'falco', image: 'docker.io/falcosecurity/falco:0.39.2' }] });

const withEvents = (objects: K8sObject[]) => {
  const agg = new AuditAggregator(AUDIT_DETECTIONS);
  agg.add(auditEvent({ verb: 'get', resource: 'pods', namespace: 'shop', name: 'web' }));
  return { ...inventoryOf(objects), audit: agg.result(['test']) };
};

describe('api-abuse.coverage', () => {
  it('is not assessed on a managed control plane with no events and no visible reader', () => {
    expect(coverage.evaluate(inventoryOf([falcoSyscalls]))).toMatchObject({ notAssessed: expect.stringMatching(/kube-apiserver flags are not visible.*no audit events reached/) });
    expect(detectCoverage(inventoryOf([falcoSyscalls]))['api-abuse']?.status).toBe('not-covered');
  });

  it('fails a visible API server that records nothing, or records to nowhere', () => {
    const [none] = coverage.evaluate(inventoryOf([apiServer([])])) as { message: string; severity?: string }[];
    expect(none!.message).toMatch(/without --audit-policy-file/);
    const [nowhere] = coverage.evaluate(inventoryOf([apiServer(['--audit-policy-file=/etc/kubernetes/audit.yaml'])])) as { message: string }[];
    expect(nowhere!.message).toMatch(/events go nowhere/);
  });

  it('fails softer when events are recorded but nobody visible reads them', () => {
    const [f] = coverage.evaluate(inventoryOf([apiServer(['--audit-policy-file=/p.yaml', '--audit-log-path=/var/log/audit.log']), falcoSyscalls])) as { severity?: string; message: string }[];
    expect(f).toMatchObject({ severity: 'medium', message: expect.stringMatching(/log backend.*no detector/) });
  });

  it("passes when Falco's k8saudit plugin or kube-posture reads the events", () => {
    expect(coverage.evaluate(inventoryOf([apiServer(['--audit-policy-file=/p.yaml', '--audit-webhook-config-file=/w.yaml']), falcoK8sAudit]))).toEqual([]);
    expect(coverage.evaluate(inventoryOf([falcoK8sAudit]))).toEqual([]);
    expect(coverage.evaluate(withEvents([apiServer([])]))).toEqual([]);
    expect(detectCoverage(inventoryOf([falcoK8sAudit]))['api-abuse']).toMatchObject({ status: 'covered', tools: [{ name: 'Falco k8saudit plugin' }] });
    expect(detectCoverage(withEvents([]))['api-abuse']).toMatchObject({ status: 'covered', tools: [{ name: 'kube-posture audit ingest' }] });
  });
});
