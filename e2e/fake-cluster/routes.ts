// Maps a GET request to a response, the way kube-apiserver lays out its paths:
//   /version  /api  /api/v1  /apis  /apis/<g>  /apis/<g>/<v>          (discovery)
//   <prefix>/<resource>[/<name>]                                       (all namespaces, or cluster-scoped)
//   <prefix>/namespaces/<ns>/<resource>[/<name>]                       (one namespace)
// where <prefix> is /api/v1 or /apis/<g>/<v>.
import type { K8sObject } from '../../lib/cluster/types';
import { findResource, groupVersion, servedGroups, type ServedResource } from './catalog';
import { AGGREGATED_DISCOVERY, aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery';
import { negotiate, type Format } from './negotiation';
import { paginate } from './pagination';
import { parseFieldSelector, parseLabelSelector } from './selectors';
import { StatusError, methodNotAllowed, notFound } from './status';
import type { Store } from './store';
import { toTable } from './table';
import type { WatchRequest } from './watch';

export interface RouteContext {
  store: Store;
  gitVersion: string;
  /** host:port, for APIVersions.serverAddressByClientCIDRs. */
  serverAddress: string;
  /** false answers only legacy discovery, to exercise clients' fallback path. */
  aggregatedDiscovery: boolean;
}

export interface ApiResponse {
  status: number;
  contentType: string;
  body: string;
  /** A watch: server.ts streams it (watch.ts) instead of sending body. */
  watch?: WatchRequest;
}

const JSON_TYPE = 'application/json';
const TABLE_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';
const METADATA_TYPE = (as: string) => `application/json;as=${as};v=v1;g=meta.k8s.io`;
const DISCOVERY_TYPE = `application/json;g=${AGGREGATED_DISCOVERY.g};v=${AGGREGATED_DISCOVERY.v};as=${AGGREGATED_DISCOVERY.as}`;

export function route(method: string, url: URL, accept: string | undefined, ctx: RouteContext): ApiResponse {
  if (method !== 'GET') throw methodNotAllowed(`the fake cluster is read-only: ${method} is not supported`);
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  const [root, ...rest] = segments;
  if (segments.length === 1 && root === 'version') return json(versionInfo(ctx.gitVersion));
  if (segments.length === 1 && (root === 'healthz' || root === 'livez' || root === 'readyz')) return { status: 200, contentType: 'text/plain', body: 'ok' };
  if (root === 'api') {
    if (rest.length === 0) return discoveryRoot(ctx, accept, true);
    const [version, ...tail] = rest as [string, ...string[]];
    if (version !== 'v1') throw notFound();
    if (tail.length === 0) return json(apiResourceList(ctx.store.catalog, '', 'v1'));
    return resourceRequest(ctx, '', version, tail, url.searchParams, accept);
  }
  if (root === 'apis') {
    if (rest.length === 0) return discoveryRoot(ctx, accept, false);
    const [group, version, ...tail] = rest as [string, string | undefined, ...string[]];
    const served = servedGroups(ctx.store.catalog).find((g) => g.name === group);
    if (!served || group === '') throw notFound();
    if (version === undefined) return json(apiGroup(served));
    if (!served.versions.includes(version)) throw notFound();
    if (tail.length === 0) return json(apiResourceList(ctx.store.catalog, group, version));
    return resourceRequest(ctx, group, version, tail, url.searchParams, accept);
  }
  throw notFound();
}

function discoveryRoot(ctx: RouteContext, accept: string | undefined, legacy: boolean): ApiResponse {
  const offered: Format[] = ctx.aggregatedDiscovery ? ['aggregated-discovery', 'json'] : ['json'];
  const format = negotiate(accept, offered);
  if (format === null) throw notAcceptable(accept);
  if (format === 'aggregated-discovery')
    return { status: 200, contentType: DISCOVERY_TYPE, body: JSON.stringify(aggregatedDiscovery(ctx.store.catalog, legacy)) };
  return json(legacy ? apiVersions(ctx.serverAddress) : apiGroupList(ctx.store.catalog));
}

function resourceRequest(ctx: RouteContext, group: string, version: string, tail: string[], query: URLSearchParams, accept: string | undefined): ApiResponse {
  // namespaces/<ns>/<resource>[/<name>]; `namespaces/<name>` alone is a get of a Namespace.
  const inNamespace = tail[0] === 'namespaces' && tail.length >= 3;
  const [namespace, plural, name, ...subresource] = inNamespace ? tail.slice(1) : [undefined, ...tail];
  if (subresource.length > 0) throw notFound(); // log, exec, status…: not served
  const resource = findResource(ctx.store.catalog, group, version, plural ?? '');
  if (!resource) throw notFound();
  // A namespaced object is only addressable inside its namespace; the bare path is a list.
  if (namespace !== undefined && !resource.namespaced) throw notFound();
  if (namespace === undefined && resource.namespaced && name !== undefined) throw notFound();
  const format = negotiate(accept, ['table', 'metadata', 'json']);
  if (format === null) throw notAcceptable(accept);
  if (query.get('watch') === 'true' || query.get('watch') === '1') return watchResponse(resource, version, namespace, name, query, format);
  const all = (ctx.store.byResource.get(`${resource.group}/${resource.plural}`) ?? []).filter(
    (o) => namespace === undefined || o.metadata.namespace === namespace,
  );
  const atVersion = (o: K8sObject): K8sObject => ({ ...o, apiVersion: groupVersion(group, version), kind: resource.kind });
  if (name !== undefined) {
    const found = all.find((o) => o.metadata.name === name);
    if (!found) throw notFound(`${resourceLabel(resource)} "${name}" not found`, { name, group: resource.group, kind: resource.plural });
    const object = atVersion(found);
    if (format === 'table') return table(toTable(resource, version, [object], { resourceVersion: found.metadata.resourceVersion }, query.get('includeObject')));
    if (format === 'metadata') return metadataOnly('PartialObjectMetadata', partialMetadata(object));
    return json(object);
  }
  const matchLabels = parseLabelSelector(query.get('labelSelector'));
  const matchFields = parseFieldSelector(query.get('fieldSelector'), resource.kind);
  const selected = all.filter((o) => matchLabels(o) && matchFields(o));
  const page = paginate(selected, ctx.store.resourceVersion, query.get('limit'), query.get('continue'));
  const metadata = {
    resourceVersion: ctx.store.resourceVersion,
    ...(page.continue ? { continue: page.continue } : {}),
    ...(page.remainingItemCount !== undefined ? { remainingItemCount: page.remainingItemCount } : {}),
  };
  const items = page.items.map(atVersion);
  if (format === 'table') return table(toTable(resource, version, items, metadata, query.get('includeObject')));
  if (format === 'metadata')
    return metadataOnly('PartialObjectMetadataList', {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      items: items.map(partialMetadata),
    });
  return json({ kind: `${resource.kind}List`, apiVersion: groupVersion(group, version), metadata, items });
}

function resourceLabel(r: ServedResource): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

function notAcceptable(accept: string | undefined): StatusError {
  return new StatusError(406, 'NotAcceptable', `only the following media types are accepted: application/json (asked for ${accept ?? 'nothing'})`);
}

function json(body: object): ApiResponse {
  return { status: 200, contentType: JSON_TYPE, body: JSON.stringify(body) };
}

/** What kube-apiserver sends for metadata-only reads: the object's metadata and nothing else. */
function partialMetadata(o: K8sObject): object {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

function metadataOnly(as: string, body: object): ApiResponse {
  return { status: 200, contentType: METADATA_TYPE(as), body: JSON.stringify(body) };
}

function table(body: object): ApiResponse {
  return { status: 200, contentType: TABLE_TYPE, body: JSON.stringify(body) };
}

function watchResponse(
  resource: ServedResource,
  version: string,
  namespace: string | undefined,
  name: string | undefined,
  query: URLSearchParams,
  format: Format,
): ApiResponse {
  const matchLabels = parseLabelSelector(query.get('labelSelector'));
  const matchFields = parseFieldSelector(query.get('fieldSelector'), resource.kind);
  const timeout = query.get('timeoutSeconds');
  const present = (o: K8sObject): object =>
    format === 'table' ? toTable(resource, version, [o], {}, query.get('includeObject')) : format === 'metadata' ? partialMetadata(o) : o;
  const watch: WatchRequest = {
    resource,
    version,
    namespace,
    matches: (o) => (name === undefined || o.metadata.name === name) && matchLabels(o) && matchFields(o),
    resourceVersion: query.get('resourceVersion'),
    bookmarks: query.get('allowWatchBookmarks') === 'true',
    timeoutSeconds: timeout !== null && Number(timeout) > 0 ? Number(timeout) : null,
    present,
  };
  return { status: 200, contentType: JSON_TYPE, body: '', watch };
}
