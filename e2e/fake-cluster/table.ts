// meta.k8s.io/v1 Table output, what `kubectl get` (without -o) asks for and prints. The
// server owns the columns: a few per common kind, a CRD's additionalPrinterColumns, else
// NAME and AGE. kubectl adds NAMESPACE itself from each row's object metadata.
import type { K8sObject } from '../../lib/cluster/types';
import type { PrinterColumn, ServedResource } from './catalog';

interface Column {
  name: string;
  type: string;
  format?: string;
  cell: (o: K8sObject, now: number) => unknown;
}

const name: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => o.metadata.name };
const age: Column = { name: 'Age', type: 'string', cell: (o, now) => humanAge(o.metadata.creationTimestamp, now) };

const COLUMNS: Record<string, Column[]> = {
  Namespace: [name, { name: 'Status', type: 'string', cell: (o) => o.status?.phase ?? 'Active' }, age],
  Pod: [
    name,
    { name: 'Ready', type: 'string', cell: (o) => `${containerStatuses(o).filter((c) => c.ready).length}/${(o.spec?.containers ?? []).length}` },
    { name: 'Status', type: 'string', cell: (o) => o.status?.reason ?? o.status?.phase ?? 'Pending' },
    { name: 'Restarts', type: 'string', cell: (o) => String(containerStatuses(o).reduce((n, c) => n + (c.restartCount ?? 0), 0)) },
    age,
  ],
  Node: [
    name,
    { name: 'Status', type: 'string', cell: (o) => nodeReady(o) },
    { name: 'Roles', type: 'string', cell: (o) => nodeRoles(o) },
    age,
    { name: 'Version', type: 'string', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
  ],
  Deployment: [
    name,
    { name: 'Ready', type: 'string', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => o.status?.updatedReplicas ?? 0 },
    { name: 'Available', type: 'integer', cell: (o) => o.status?.availableReplicas ?? 0 },
    age,
  ],
  Service: [
    name,
    { name: 'Type', type: 'string', cell: (o) => o.spec?.type ?? 'ClusterIP' },
    { name: 'Cluster-IP', type: 'string', cell: (o) => o.spec?.clusterIP ?? '<none>' },
    { name: 'Port(s)', type: 'string', cell: (o) => servicePorts(o) },
    age,
  ],
};

export function toTable(
  resource: ServedResource,
  version: string,
  objects: readonly K8sObject[],
  metadata: object,
  includeObject: string | null,
  now = Date.now(),
): object {
  const columns = columnsFor(resource, version);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata,
    columnDefinitions: columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: 0 })),
    rows: objects.map((o) => ({ cells: columns.map((c) => c.cell(o, now)), ...rowObject(o, includeObject) })),
  };
}

function rowObject(o: K8sObject, includeObject: string | null): object {
  if (includeObject === 'None') return {};
  if (includeObject === 'Object') return { object: o };
  return { object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata } };
}

function columnsFor(resource: ServedResource, version: string): Column[] {
  const printer = resource.printerColumns?.[version];
  if (printer?.length) return [name, ...printer.map(fromPrinterColumn)];
  return COLUMNS[resource.kind] ?? [name, age];
}

function fromPrinterColumn(c: PrinterColumn): Column {
  const path = c.jsonPath.replace(/^\./, '').split('.');
  // Only plain dotted paths; enough for the printer columns of the CRDs we read.
  const read = (o: K8sObject) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
  // The API server prints date columns as ages.
  if (c.type === 'date') return { name: c.name, type: 'date', cell: (o, now) => humanAge(stringOrUndefined(read(o)), now) };
  return { name: c.name, type: c.type, cell: (o) => read(o) ?? null };
}

function stringOrUndefined(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function containerStatuses(o: K8sObject): { ready?: boolean; restartCount?: number }[] {
  return Array.isArray(o.status?.containerStatuses) ? o.status.containerStatuses : [];
}

function nodeReady(o: K8sObject): string {
  const conditions: { type?: string; status?: string }[] = o.status?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
}

function nodeRoles(o: K8sObject): string {
  const prefix = 'node-role.kubernetes.io/';
  const roles = Object.keys(o.metadata.labels ?? {}).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  return roles.length ? roles.join(',') : '<none>';
}

function servicePorts(o: K8sObject): string {
  const ports: { port?: number; nodePort?: number; protocol?: string }[] = o.spec?.ports ?? [];
  if (ports.length === 0) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

/** Like the API server's duration.HumanDuration: "45s", "3m12s", "5h", "12d", "2y30d". */
export function humanAge(timestamp: string | undefined, now: number): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(t)) return '<unknown>';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  const m = Math.floor(s / 60);
  const h = Math.floor(s / 3600);
  const d = Math.floor(h / 24);
  if (s < 120) return `${s}s`;
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  if (h < 24 * 8) return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  if (d < 365 * 2) return `${d}d`;
  if (d < 365 * 8) return d % 365 ? `${Math.floor(d / 365)}y${d % 365}d` : `${Math.floor(d / 365)}y`;
  return `${Math.floor(d / 365)}y`;
}
