import { defineCheck } from '../../check';
import { marked, msg, named, obj, prose } from '../../message';
import { workloadRef } from '../helpers';
import { runsManagementTool } from './support/tools';

// The checks of this area judge only the tools support/tools.ts recognises by image. A tool run
// from a mirror or a fork under another name slips past them; its labels usually still say what
// it is (the upstream manifests' and charts' own labels).
const LOOKALIKE: Record<string, string> = {
  'kubernetes-dashboard': 'Kubernetes Dashboard',
  'argocd-server': 'Argo CD API server',
  rancher: 'Rancher',
  'weave-scope': 'Weave Scope',
  'weave-scope-app': 'Weave Scope',
  tiller: "Helm 2's Tiller",
  portainer: 'Portainer',
  headlamp: 'Headlamp',
  kubeapps: 'Kubeapps',
};
const LABELS = ['app.kubernetes.io/name', 'app', 'k8s-app', 'name'];

export default defineCheck({
  id: 'management-tools.coverage',
  area: 'management-tools',
  severity: 'low',
  title: 'Every management tool in the cluster is recognised',
  remediation:
    'Run the tool from its upstream image, or judge it yourself: keep it patched, unexposed (ClusterIP and `kubectl port-forward`, or an authenticating proxy) and its ServiceAccount least-privileged. Run `kube-posture --check-kubeconfig` on workstations for the kubectl side.',
  needs: ['pods'],
  scope: 'namespace',
  evaluate(inv) {
    return inv.workloads.flatMap((w) => {
      const labels = w.podLabels;
      const by = LABELS.find((k) => typeof labels[k] === 'string' && LOOKALIKE[labels[k]!]);
      if (!by || runsManagementTool(w)) return [];
      const tool = LOOKALIKE[labels[by]!]!;
      return [
        {
          resource: workloadRef(w),
          ...marked(msg`${named(workloadRef(w))} is labelled ${prose(by)}=${obj(labels[by]!)}, like ${prose(tool)}, but runs an image kube-posture does not recognise as it (a mirror or a fork?): its version, settings, exposure and powers were not judged.`),
        },
      ];
    });
  },
});
