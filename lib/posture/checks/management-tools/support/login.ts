// Whether a recognised tool lets whoever reaches it act with its ServiceAccount, read from its
// flags and environment: literal values, and Argo CD's ConfigMaps (argocd-cmd-params-cm, which the
// inventory holds); values from Secrets or other ConfigMaps cannot be seen and count as unset.
// Sources: Dashboard's --enable-skip-login (kubernetes/dashboard v1.10.1 release, CVE-2018-18264);
// argocd-server's --disable-auth / ARGOCD_SERVER_DISABLE_AUTH (argoproj/argo-cd cmd/argocd-server);
// Weave Scope's --app.basicAuth / ENABLE_BASIC_AUTH (weaveworks/scope site/faq.md, Scope 1.10+);
// Tiller's TILLER_TLS_VERIFY / --tls-verify (`helm init --tiller-tls-verify`); kubectl proxy's
// --address (default 127.0.0.1, so only the pod itself reaches it).
import { envOn, flagOn, flagValue, type ToolInstance } from './tools';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])(:\d+)?$/;

/** Why anyone who reaches the tool acts with its ServiceAccount, or null when it asks who they are. */
export function opensWithoutLogin(t: ToolInstance): string | null {
  const c = t.container;
  const env = (name: string) => envOn(t, name);
  switch (t.tool.id) {
    case 'kubernetes-dashboard':
      return flagOn(c, 'enable-skip-login') ? '--enable-skip-login lets anyone press Skip and use the Dashboard as its ServiceAccount' : null;
    case 'argocd-server':
      return flagOn(c, 'disable-auth') || env('ARGOCD_SERVER_DISABLE_AUTH') ? '--disable-auth turns off Argo CD\'s authentication' : null;
    case 'weave-scope':
      return flagOn(c, 'app.basicAuth') || env('ENABLE_BASIC_AUTH')
        ? null
        : 'Weave Scope has no login (neither --app.basicAuth nor ENABLE_BASIC_AUTH is set): anyone who reaches port 4040 can exec into and delete containers';
    case 'tiller': {
      if (flagOn(c, 'tls-verify') || env('TILLER_TLS_VERIFY')) return null;
      const listen = flagValue(c, 'listen');
      if (listen && LOOPBACK.test(listen)) return null;
      return 'Tiller takes gRPC requests on port 44134 without authentication (no TILLER_TLS_VERIFY, not bound to localhost)';
    }
    case 'kubectl-proxy': {
      const address = flagValue(c, 'address');
      if (address === undefined || LOOPBACK.test(address)) return null;
      return `kubectl proxy listens beyond the pod (${address === '0.0.0.0' ? '--address=0.0.0.0' : 'a non-loopback --address'}) and forwards any request with its ServiceAccount's token`;
    }
    default:
      return null;
  }
}
