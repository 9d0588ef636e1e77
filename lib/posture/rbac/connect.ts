// exec, attach and port-forward: the API server authorizes a SPDY connection (POST) as `create` on
// pods/exec (pods/attach, pods/portforward) but, before Kubernetes 1.35, a WebSocket upgrade (GET) only
// as `get`: `get` on pods/exec opened a shell. 1.35 made the upgrade need `create` as well (feature gate
// AuthorizePodWebsocketUpgradeCreatePermission, beta and on by default; kubernetes/kubernetes#134577,
// CHANGELOG-1.35 "Urgent Upgrade Notes"). A cluster that switched the gate off is not visible to us.
import { parseClusterMinor } from '../pss/namespace-level';

export const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward']);
/** The first minor version where a WebSocket upgrade needs `create`. */
export const CREATE_ONLY_FROM_MINOR = 35;

export interface ConnectPolicy {
  /** Verbs on pods/exec (attach, portforward) that open a session on this cluster. */
  verbs: string[];
  /** Said in findings and answers when the cluster's version is unknown and `get` is counted to be safe. */
  note: string | null;
}

export function connectPolicy(version: string | null | undefined): ConnectPolicy {
  const minor = parseClusterMinor(version);
  if (minor !== null && minor >= CREATE_ONLY_FROM_MINOR) return { verbs: ['create'], note: null };
  return {
    verbs: ['create', 'get'],
    note:
      minor === null
        ? `The cluster's Kubernetes version is unknown, so get on pods/exec, pods/attach and pods/portforward is counted: before 1.${CREATE_ONLY_FROM_MINOR} a WebSocket connection needs only get.`
        : null,
  };
}

export function isConnectRequest(group: string, resource: string, subresource: string | undefined): boolean {
  return group === '' && resource === 'pods' && subresource !== undefined && CONNECT_SUBRESOURCES.has(subresource);
}
