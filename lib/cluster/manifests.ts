// Reading Kubernetes objects from files: a folder of YAML/JSON manifests (multi-document
// YAML, `kind: List`), or the output of `kubectl get … -A -o json|yaml`.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { setSourceLocation } from './source-location';
import type { K8sObject } from './types';

/** An input the user must fix; the message names the file. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'InputError';
  }
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** A bigger file is almost certainly not a manifest; refusing it keeps memory bounded. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
const MAX_YAML_ALIASES = 1000;
const KUSTOMIZE_GROUP = 'kustomize.config.k8s.io/';

export async function readObjectsFromPath(inputPath: string): Promise<K8sObject[]> {
  let info;
  try {
    info = await stat(inputPath);
  } catch (e) {
    throw new InputError(inputPath, `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (info.isFile()) return readObjectsFromFile(inputPath);
  const files = await listManifestFiles(inputPath);
  if (files.length === 0) throw new InputError(inputPath, 'no .yaml, .yml or .json files in this folder');
  const objects: K8sObject[] = [];
  for (const file of files) objects.push(...(await readObjectsFromFile(file)));
  return objects;
}

async function listManifestFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listManifestFiles(full)));
    else if (e.isFile() && MANIFEST_EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(full);
  }
  return files;
}

export async function readObjectsFromFile(file: string): Promise<K8sObject[]> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new InputError(file, 'cannot read');
  if (info.size > MAX_FILE_BYTES) throw new InputError(file, `file is ${info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
  const text = await readFile(file, 'utf8');
  return parseObjects(text, file);
}

/** Parses YAML or JSON text holding Kubernetes objects. Throws InputError naming `file`. */
export function parseObjects(text: string, file: string): K8sObject[] {
  if (text.includes('\u0000')) throw new InputError(file, 'binary file, not YAML or JSON');
  const values = parseJson(text, file) ?? parseYaml(text, file);
  const objects: K8sObject[] = [];
  for (const v of values) flatten(v.value, file, objects, v.lines);
  if (values.length > 0 && objects.length === 0 && !values.every((v) => isKustomizeConfig(v.value) || (isRecord(v.value) && isComponentConfig(v.value))))
    throw new InputError(file, 'no Kubernetes objects (apiVersion, kind and metadata.name)');
  return objects;
}

/**
 * `kubectl get -o json` dumps through JSON.parse: the YAML parser builds a syntax tree first and
 * takes ~40× longer on a 100 MB dump. Anything JSON.parse rejects goes to the YAML parser,
 * which says where the error is.
 */
/** A parsed document and, for YAML, the line of it and of each `items` entry of a List. */
interface Parsed {
  value: unknown;
  lines?: Lines;
}
interface Lines {
  line: number;
  items?: Lines[];
}

function parseJson(text: string, file: string): Parsed[] | null {
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return null;
  if (nestsDeeperThan(text)) throw new InputError(file, `JSON nested more than ${MAX_JSON_DEPTH} levels deep; no Kubernetes object is`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null) return [];
  return [{ value }];
}

function parseYaml(text: string, file: string): Parsed[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { uniqueKeys: false, lineCounter });
  const values: Parsed[] = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const err = doc.errors[0];
    if (err) throw new InputError(file, `invalid YAML: ${err.message.split('\n')[0]}`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      throw new InputError(file, `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
    if (value !== null && value !== undefined) values.push({ value, lines: linesOf(doc.contents, lineCounter) });
  }
  return values;
}

function linesOf(node: Document['contents'], counter: LineCounter): Lines | undefined {
  if (!node?.range) return undefined;
  const lines: Lines = { line: counter.linePos(node.range[0]).line };
  const items = isMap(node) ? node.get('items', true) : undefined;
  if (isSeq(items)) lines.items = items.items.map((i) => linesOf(i as Document['contents'], counter) ?? lines);
  return lines;
}

function flatten(value: unknown, file: string, out: K8sObject[], lines?: Lines): void {
  if (!isRecord(value)) throw new InputError(file, 'not a Kubernetes object (expected a mapping with apiVersion and kind)');
  const kind = value.kind;
  // `kubectl get -o json` prints a List (kind: List or e.g. PodList) with items.
  if (Array.isArray(value.items) && (typeof kind !== 'string' || kind.endsWith('List'))) {
    const listKind = typeof kind === 'string' && kind !== 'List' ? kind.slice(0, -'List'.length) : undefined;
    for (const [i, item] of value.items.entries()) {
      // Typed lists from the API omit kind/apiVersion on items.
      if (isRecord(item) && listKind && item.kind === undefined) item.kind = listKind;
      if (isRecord(item) && item.apiVersion === undefined && typeof value.apiVersion === 'string' && listKind) item.apiVersion = value.apiVersion;
      flatten(item, file, out, lines?.items?.[i]);
    }
    return;
  }
  if (typeof value.apiVersion !== 'string' || typeof kind !== 'string') {
    throw new InputError(file, 'not a Kubernetes object (missing apiVersion or kind)');
  }
  if (isKustomizeConfig(value) || isComponentConfig(value)) return;
  const meta = value.metadata;
  if (!isRecord(meta) || typeof meta.name !== 'string' || meta.name === '') {
    throw new InputError(file, `${kind} without metadata.name`);
  }
  const obj = value as unknown as K8sObject;
  setSourceLocation(obj, lines ? { file, line: lines.line } : { file });
  out.push(obj);
}

/** kustomization.yaml tells kustomize how to build the objects; it is not one of them. */
function isKustomizeConfig(v: unknown): boolean {
  return isRecord(v) && typeof v.apiVersion === 'string' && v.apiVersion.startsWith(KUSTOMIZE_GROUP);
}

/**
 * Configuration files that sit beside manifests but are read by a binary, not served by the API:
 * an audit policy, an apiserver/kubelet/kubeadm configuration, a kubeconfig (kind Config), an
 * audit webhook's EventList. A folder such as deploy/ keeps them next to what it applies.
 */
const COMPONENT_CONFIG_GROUPS = /^(audit\.k8s\.io|apiserver\.config\.k8s\.io|kubelet\.config\.k8s\.io|kubeadm\.k8s\.io|kubeproxy\.config\.k8s\.io|kubescheduler\.config\.k8s\.io|client\.authentication\.k8s\.io)\//;

function isComponentConfig(v: Record<string, unknown>): boolean {
  return (typeof v.apiVersion === 'string' && COMPONENT_CONFIG_GROUPS.test(v.apiVersion)) || (v.apiVersion === 'v1' && v.kind === 'Config');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
