import type { K8sObject, Workload } from '../../../cluster/types';
import { backends, selects } from '../../indexes/services';
import { vWorkload } from '../context';
import { allContainers } from '../security-context';
import type { StructuralEdge } from './types';

export default {
  id: 'exposure',
  title: 'exposed outside the cluster',
  precondition:
    "footholds reachable from outside: an Ingress's backend Services' pods, a LoadBalancer or NodePort Service's pods (by selector), and pods with a hostPort or hostNetwork (their containers are the footholds themselves)",
  plant(ctx) {
    const g = ctx.graph;
    const services = new Map<string, K8sObject>();
    for (const s of ctx.inv.objects.services) services.set(`${s.metadata.namespace}/${s.metadata.name}`, s);
    const reach = (from: number, svc: K8sObject, how: string) => {
      for (const w of ctx.workloadsByNs.get(svc.metadata.namespace ?? 'default') ?? []) if (selects(svc, w)) g.edge(from, vWorkload(ctx, w), this.id, how);
    };
    for (const ing of ctx.inv.objects.ingresses) {
      const ns = ing.metadata.namespace ?? 'default';
      const v = g.vertex(`ingress:${ns}/${ing.metadata.name}`, () => ({
        ref: { kind: 'Ingress', namespace: ns, name: ing.metadata.name, apiVersion: ing.apiVersion },
        text: `Ingress ${ns}/${ing.metadata.name}`,
        namespace: ns,
        foothold: 'exposed',
      }));
      for (const name of backends(ing)) {
        const svc = services.get(`${ns}/${name}`);
        if (svc) reach(v, svc, `routes to Service ${name}`);
      }
    }
    for (const svc of ctx.inv.objects.services) {
      const type = svc.spec?.type;
      if (type !== 'LoadBalancer' && type !== 'NodePort') continue;
      const ns = svc.metadata.namespace ?? 'default';
      const v = g.vertex(`service:${ns}/${svc.metadata.name}`, () => ({
        ref: { kind: 'Service', namespace: ns, name: svc.metadata.name, apiVersion: 'v1' },
        text: `Service ${ns}/${svc.metadata.name} (${type})`,
        namespace: ns,
        foothold: 'exposed',
      }));
      reach(v, svc, 'selects it');
    }
    for (const w of ctx.inv.workloads) {
      const hostPort = allContainers(w.spec).some((c) =>
        (Array.isArray(c.ports) ? c.ports : []).some((p) => typeof p?.hostPort === 'number' && p.hostPort > 0),
      );
      if (hostPort || w.spec.hostNetwork === true) g.vertices[vWorkload(ctx, w)]!.foothold = 'exposed';
    }
  },
} satisfies StructuralEdge;
