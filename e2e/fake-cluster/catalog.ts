// Which resources the fake API server serves: the built-in kinds the posture reads (always,
// even with no objects, like a real cluster), a few other common core kinds, and the custom
// resources declared by CustomResourceDefinition objects among the fixtures, and those of the
// aggregated APIs it knows that an APIService object among the fixtures declares (Calico's).
import { pluralOf, RESOURCES } from '../../lib/cluster/inventory';
import type { K8sObject } from '../../lib/cluster/types';

export interface ServedResource {
  group: string;
  /** Served versions, preferred first. Objects are stored once and shown at each version. */
  versions: string[];
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** CRD additionalPrinterColumns per version, for Table output. */
  printerColumns?: Record<string, PrinterColumn[]>;
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
}

// What `kubectl api-resources` shows on a real cluster, for the kinds we serve.
const SHORT_NAMES: Record<string, string[]> = {
  namespaces: ['ns'], nodes: ['no'], pods: ['po'], services: ['svc'], serviceaccounts: ['sa'],
  resourcequotas: ['quota'], limitranges: ['limits'], replicationcontrollers: ['rc'],
  deployments: ['deploy'], statefulsets: ['sts'], daemonsets: ['ds'], replicasets: ['rs'],
  cronjobs: ['cj'], networkpolicies: ['netpol'], ingresses: ['ing'], configmaps: ['cm'],
  persistentvolumeclaims: ['pvc'], persistentvolumes: ['pv'], poddisruptionbudgets: ['pdb'],
  customresourcedefinitions: ['crd', 'crds'],
};
const IN_CATEGORY_ALL = new Set(['pods', 'services', 'replicationcontrollers', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'jobs', 'cronjobs']);

// Common kinds outside RESOURCES, so fixtures (and people poking with kubectl) find them. ConfigMaps are in
// RESOURCES (Argo CD's, by label selector): the server serves them all, like a real one.
const EXTRA_BUILTINS = [
  { key: 'secrets', group: '', version: 'v1', kind: 'Secret', namespaced: true },
  { key: 'persistentvolumeclaims', group: '', version: 'v1', kind: 'PersistentVolumeClaim', namespaced: true },
  { key: 'persistentvolumes', group: '', version: 'v1', kind: 'PersistentVolume', namespaced: false },
  { key: 'poddisruptionbudgets', group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', namespaced: true },
  { key: 'apiservices', group: 'apiregistration.k8s.io', version: 'v1', kind: 'APIService', namespaced: false },
];

/**
 * Aggregated APIs, served by an add-on's own API server rather than CRDs: an APIService object
 * of this name among the fixtures makes the fake server serve these resources.
 */
const AGGREGATED: Record<string, { group: string; version: string; plural: string; kind: string; namespaced: boolean }[]> = {
  'v3.projectcalico.org': [
    { group: 'projectcalico.org', version: 'v3', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
    { group: 'projectcalico.org', version: 'v3', plural: 'globalnetworkpolicies', kind: 'GlobalNetworkPolicy', namespaced: false },
  ],
};

export function buildCatalog(objects: readonly K8sObject[]): ServedResource[] {
  // Optional kinds (PodSecurityPolicy, scanner reports) exist only where a CRD or an old
  // API server provides them; a modern cluster without those answers 404.
  const builtins = [...RESOURCES.filter((r) => !('optional' in r && r.optional)), ...EXTRA_BUILTINS].map(
    (r): ServedResource => ({
      group: r.group,
      versions: [r.version],
      plural: pluralOf(r),
      singular: r.kind.toLowerCase(),
      kind: r.kind,
      namespaced: r.namespaced,
      shortNames: SHORT_NAMES[pluralOf(r)] ?? [],
      categories: IN_CATEGORY_ALL.has(r.key) ? ['all'] : [],
    }),
  );
  const custom = [
    ...objects.filter((o) => o.kind === 'CustomResourceDefinition').flatMap(fromCrd),
    ...objects.filter((o) => o.kind === 'APIService').flatMap((o) =>
      (AGGREGATED[o.metadata.name] ?? []).map(
        (r): ServedResource => ({ ...r, versions: [r.version], singular: r.kind.toLowerCase(), shortNames: [], categories: [] }),
      ),
    ),
  ];
  const seen = new Set(builtins.map((r) => `${r.group}/${r.plural}`));
  return [...builtins, ...custom.filter((r) => !seen.has(`${r.group}/${r.plural}`))];
}

function fromCrd(crd: K8sObject): ServedResource[] {
  const spec = crd.spec as CrdSpec | undefined;
  const names = spec?.names;
  if (!spec?.group || !names?.plural || !names.kind) return [];
  const served = (spec.versions ?? []).filter((v) => v.served !== false && v.name);
  if (served.length === 0) return [];
  // The storage version is the one the API server prefers.
  served.sort((a, b) => Number(Boolean(b.storage)) - Number(Boolean(a.storage)));
  return [
    {
      group: spec.group,
      versions: served.map((v) => v.name),
      plural: names.plural,
      singular: names.singular ?? names.kind.toLowerCase(),
      kind: names.kind,
      namespaced: spec.scope !== 'Cluster',
      shortNames: names.shortNames ?? [],
      categories: names.categories ?? [],
      printerColumns: Object.fromEntries(served.map((v) => [v.name, v.additionalPrinterColumns ?? []])),
    },
  ];
}

interface CrdSpec {
  group?: string;
  scope?: string;
  names?: { plural?: string; singular?: string; kind?: string; shortNames?: string[]; categories?: string[] };
  versions?: { name: string; served?: boolean; storage?: boolean; additionalPrinterColumns?: PrinterColumn[] }[];
}

export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Groups in the order they are first served (core first), each with its versions. */
export function servedGroups(catalog: readonly ServedResource[]): { name: string; versions: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const r of catalog) {
    const versions = groups.get(r.group) ?? [];
    for (const v of r.versions) if (!versions.includes(v)) versions.push(v);
    groups.set(r.group, versions);
  }
  return [...groups].map(([name, versions]) => ({ name, versions }));
}

export function findResource(catalog: readonly ServedResource[], group: string, version: string, plural: string): ServedResource | undefined {
  return catalog.find((r) => r.group === group && r.plural === plural && r.versions.includes(version));
}
