// Whether any cluster credentials are there, without loading client-node (lib/cluster/source.ts
// asks on every start, including the CLI's offline scans).
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** True when some kubeconfig or in-cluster service account is available. */
export function hasClusterConfig(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KUBECONFIG) return true;
  if (existsSync(path.join(os.homedir(), '.kube', 'config'))) return true;
  return Boolean(env.KUBERNETES_SERVICE_HOST && existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token'));
}
