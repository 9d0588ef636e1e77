import type { Severity } from '../../types';
import { defineCheck } from '../../check';
import { marked, msg, named, obj, prose } from '../../message';
import { workloadRef } from '../helpers';
import { opensWithoutLogin } from './support/login';
import { envOn, envSet, envValue, flagOn, flagValue, managementTools, type ToolInstance } from './support/tools';

/** Settings that weaken a tool beyond opening it without a login, each with our severity. */
function weakSettings(t: ToolInstance): { severity: Severity; what: string }[] {
  const c = t.container;
  const out: { severity: Severity; what: string }[] = [];
  if (t.tool.id === 'kubernetes-dashboard') {
    if (flagOn(c, 'enable-insecure-login')) out.push({ severity: 'medium', what: '--enable-insecure-login lets people log in over plain HTTP, sending their tokens in clear' });
    if (flagOn(c, 'disable-settings-authorizer')) out.push({ severity: 'medium', what: '--disable-settings-authorizer lets any user change the Dashboard\'s global settings' });
  }
  if (t.tool.id === 'argocd-server' && (flagOn(c, 'insecure') || envOn(t, 'ARGOCD_SERVER_INSECURE'))) {
    out.push({ severity: 'low', what: '--insecure serves the API and UI over plain HTTP (fine only when TLS ends at a proxy in front of it)' });
  }
  if (t.tool.id === 'weave-scope' && (flagOn(c, 'app.basicAuth') || envOn(t, 'ENABLE_BASIC_AUTH'))) {
    const password = envValue(t, 'BASIC_AUTH_PASSWORD');
    const setByFlag = flagValue(c, 'app.basicAuth.password') !== undefined;
    if (!setByFlag && (password === undefined ? !envSet(c, 'BASIC_AUTH_PASSWORD') : password === 'admin')) {
      out.push({ severity: 'high', what: 'basic authentication is on with the default password (admin/admin)' });
    }
  }
  if (t.tool.id === 'kubectl-proxy' && flagOn(c, 'disable-filter')) {
    out.push({ severity: 'high', what: '--disable-filter lets requests through to exec, attach and every other path kubectl proxy normally refuses' });
  }
  return out;
}

// Flags and environment that switch a tool's own protection off.
export default defineCheck({
  id: 'management-tools.risky-settings',
  area: 'management-tools',
  severity: 'high',
  severityRange: ['low', 'high'],
  title: 'Management tools keep their authentication and TLS on',
  remediation: `Remove the setting from the tool's container: drop \`--enable-skip-login\`, \`--enable-insecure-login\` and \`--disable-settings-authorizer\` from the Dashboard, \`--disable-auth\` from argocd-server, \`--address=0.0.0.0\` and \`--disable-filter\` from \`kubectl proxy\`; turn on Weave Scope's basic authentication with a password of your own (\`ENABLE_BASIC_AUTH=true\`, \`BASIC_AUTH_PASSWORD\` from a Secret); and replace Tiller with Helm 3, or run it with \`--tiller-tls-verify\`.`,
  references: [
    { title: 'CVE-2018-18264 (Dashboard skip login)', url: 'https://github.com/kubernetes/dashboard/pull/3400' },
    { title: 'Weave Scope FAQ: basic authentication', url: 'https://github.com/weaveworks/scope/blob/master/site/faq.md' },
    { title: 'Helm 2: securing your Helm installation', url: 'https://v2.helm.sh/docs/securing_installation/' },
  ],
  needs: ['pods'],
  scope: 'namespace',
  examines: (inv) => managementTools(inv).map((t) => workloadRef(t.workload)),
  evaluate(inv) {
    return managementTools(inv).flatMap((t) => {
      const open = opensWithoutLogin(t);
      const found = [...(open ? [{ severity: 'high' as Severity, what: open }] : []), ...weakSettings(t)];
      return found.map((f) => ({
        resource: workloadRef(t.workload),
        severity: f.severity,
        ...marked(msg`${named(workloadRef(t.workload))} runs ${prose(t.tool.name)} (container ${obj(t.container.name, 'Container')}): ${prose(f.what)}.`),
      }));
    });
  },
});
