import { defineCheck } from '../../check';
import { marked, msg, named, prose } from '../../message';
import { workloadRef } from '../helpers';
import { managementTools } from './support/tools';

// Tools whose project stopped: nobody fixes what is found in them any more.
const ENDED: Record<string, string> = {
  // Helm 3 (November 2019) removed Tiller; the helm/charts archive notices (helm/charts#24030) mark Helm 2's end in November 2020.
  tiller: "Helm 2 is no longer supported and Helm 3 removed Tiller altogether",
  // Weaveworks closed in 2024; its repositories are archived (cncf/landscape#4023, kubernetes/website#47923).
  'weave-scope': 'Weave Scope is no longer maintained (Weaveworks closed and archived its repositories in 2024)',
};

export default defineCheck({
  id: 'management-tools.unmaintained',
  area: 'management-tools',
  severity: 'high',
  title: 'No unmaintained management tool runs in the cluster',
  remediation:
    'Remove the tool. Replace Tiller with Helm 3 (`helm 2to3` migrates releases), and Weave Scope with a maintained, authenticated UI such as Headlamp or the Kubernetes Dashboard v7.',
  references: [
    { title: 'helm/charts archive notice', url: 'https://github.com/helm/charts/issues/24030' },
    { title: 'cncf/landscape: remove Weave products', url: 'https://github.com/cncf/landscape/pull/4023' },
  ],
  needs: ['pods'],
  scope: 'namespace',
  examines: (inv) => managementTools(inv).map((t) => workloadRef(t.workload)),
  evaluate(inv) {
    return managementTools(inv).flatMap((t) => {
      const why = ENDED[t.tool.id];
      return why ? [{ resource: workloadRef(t.workload), ...marked(msg`${named(workloadRef(t.workload))} runs ${prose(t.tool.name)}: ${prose(why)}.`) }] : [];
    });
  },
});
