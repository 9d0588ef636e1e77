// Finding cluster credentials the way kubectl does: an explicit file, else KUBECONFIG,
// else ~/.kube/config, else the pod's service account when running in a cluster.
import { KubeConfig } from '@kubernetes/client-node';

export interface KubeconfigOptions {
  kubeconfig?: string;
  context?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadKubeConfig(opts: KubeconfigOptions = {}): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (opts.kubeconfig) kc.loadFromFile(opts.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    throw new ConfigError(`cannot load kubeconfig ${opts.kubeconfig ?? process.env.KUBECONFIG ?? '~/.kube/config'}: ${(e as Error).message}`);
  }
  const context = opts.context ?? process.env.KUBE_CONTEXT;
  if (context) {
    if (!kc.getContextObject(context)) {
      throw new ConfigError(
        `context "${context}" is not in the kubeconfig (known: ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(', ') || 'none'
        })`,
      );
    }
    kc.setCurrentContext(context);
  }
  if (!kc.getCurrentCluster()) throw new ConfigError('the kubeconfig has no current cluster; pass --context');
  return kc;
}

export function contextNames(kc: KubeConfig): string[] {
  return kc.getContexts().map((c) => c.name);
}
