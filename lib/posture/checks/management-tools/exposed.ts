import { defineCheck, ref } from '../../check';
import { marked, msg, named, prose } from '../../message';
import { workloadRef } from '../helpers';
import { exposuresOf } from './support/exposure';
import { opensWithoutLogin } from './support/login';
import { managementTools } from './support/tools';

// A management UI or API reachable from outside the cluster is the first thing scanners find
// (kube-hunter looked for the Dashboard on port 30000); one that asks no login hands out its
// ServiceAccount's powers to whoever finds it.
export default defineCheck({
  id: 'management-tools.exposed',
  area: 'management-tools',
  severity: 'high',
  severityRange: ['medium', 'critical'], // critical without a login, medium behind an internal load balancer or source ranges
  title: 'Management tools are not exposed outside the cluster',
  remediation: `Make the tool's Service \`type: ClusterIP\` and reach it with \`kubectl port-forward\`, or put an authenticating proxy in front of its Ingress:
\`\`\`yaml
metadata:
  annotations:
    nginx.ingress.kubernetes.io/auth-url: https://oauth2-proxy.example.com/oauth2/auth
    nginx.ingress.kubernetes.io/auth-signin: https://oauth2-proxy.example.com/oauth2/start?rd=$escaped_request_uri
\`\`\``,
  references: [
    { title: 'Kubernetes Dashboard: accessing the Dashboard UI', url: 'https://kubernetes.io/docs/tasks/access-application-cluster/web-ui-dashboard/' },
    { title: 'ingress-nginx external authentication', url: 'https://kubernetes.github.io/ingress-nginx/examples/auth/oauth-external-auth/' },
  ],
  needs: ['pods', 'services', 'ingresses'],
  scope: 'namespace', // a workload's Services and Ingresses live in its namespace
  examines: (inv) => managementTools(inv).map((t) => workloadRef(t.workload)),
  evaluate(inv) {
    return managementTools(inv).flatMap((t) => {
      const open = opensWithoutLogin(t);
      return exposuresOf(inv, t.workload).map((e) => {
        const severity = open ? ('critical' as const) : e.limited ? ('medium' as const) : ('high' as const);
        const limit = e.limited ? msg` (limited: ${prose(e.limited)})` : msg``;
        const login = open ? msg`; ${prose(open)}` : msg``;
        return {
          resource: workloadRef(t.workload),
          severity,
          ...marked(msg`${named(workloadRef(t.workload))} runs ${prose(t.tool.name)} and is reachable from outside the cluster through ${named(ref(e.via))} (${prose(e.how)})${limit}${login}.`),
        };
      });
    });
  },
});
