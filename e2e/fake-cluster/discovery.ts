// Discovery documents: /version, legacy discovery (/api, /api/v1, /apis, /apis/<g>[/<v>])
// and aggregated discovery (apidiscovery.k8s.io/v2), which kubectl >= 1.30 asks for first.
import { groupVersion, servedGroups, type ServedResource } from './catalog';

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export function versionInfo(gitVersion: string): VersionInfo {
  const m = /^v(\d+)\.(\d+)/.exec(gitVersion);
  return {
    major: m?.[1] ?? '1',
    minor: m?.[2] ?? '0',
    gitVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.0',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

// We serve reads only; watch comes later, and no writes. Advertising only these keeps
// `kubectl api-resources --verbs=…` honest.
const VERBS = ['get', 'list'];

export function apiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(catalog: readonly ServedResource[]): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: servedGroups(catalog).filter((g) => g.name !== '').map(apiGroup) };
}

export function apiGroup(g: { name: string; versions: string[] }): object {
  const versions = g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v }));
  return { kind: 'APIGroup', apiVersion: 'v1', name: g.name, versions, preferredVersion: versions[0] };
}

export function apiResourceList(catalog: readonly ServedResource[], group: string, version: string): object {
  const resources = catalog
    .filter((r) => r.group === group && r.versions.includes(version))
    .map((r) => ({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length ? { categories: r.categories } : {}),
    }));
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(group, version), resources };
}

/** The media type aggregated discovery is requested and answered with. */
export const AGGREGATED_DISCOVERY = { g: 'apidiscovery.k8s.io', v: 'v2', as: 'APIGroupDiscoveryList' };

/** `/api` (core only) or `/apis` (every named group), as one APIGroupDiscoveryList. */
export function aggregatedDiscovery(catalog: readonly ServedResource[], legacy: boolean): object {
  const groups = servedGroups(catalog).filter((g) => (g.name === '') === legacy);
  const items = groups.map((g) => ({
    metadata: { name: g.name, creationTimestamp: null },
    versions: g.versions.map((v) => ({
      version: v,
      freshness: 'Current',
      resources: catalog
        .filter((r) => r.group === g.name && r.versions.includes(v))
        .map((r) => ({
          resource: r.plural,
          responseKind: { group: r.group, version: v, kind: r.kind },
          scope: r.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: r.singular,
          verbs: VERBS,
          ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
          ...(r.categories.length ? { categories: r.categories } : {}),
        })),
    })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
