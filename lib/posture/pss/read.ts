// Tolerant readers: a pod spec from a manifest can hold anything, and a posture scan must
// never throw on it. Every reader takes unknown and returns a safe shape.
import type { PodSpec } from '../../cluster/types';
import { flatContainers } from '../indexes/containers';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Set = present and not null, the way a Go pointer field is non-nil. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export function show(v: unknown): string {
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
}

export interface VisitedContainer {
  name: string;
  /** e.g. spec.initContainers[0] */
  path: string;
  /** The container's securityContext, when it is an object. */
  sc: Obj | undefined;
  raw: Obj;
}

/** initContainers, containers and ephemeralContainers, in PSA's order; non-objects skipped. Flattened once per spec. */
export function containersOf(spec: PodSpec): readonly VisitedContainer[] {
  return flatContainers(spec);
}

export function podSecurityContext(spec: PodSpec): Obj | undefined {
  return obj((spec as unknown as Obj).securityContext);
}

export function specField(spec: PodSpec, key: string): unknown {
  return (spec as unknown as Obj)[key];
}

/** spec.hostUsers: false puts the pod in a user namespace (KEP-127), relaxing some controls from 1.35. */
export function inUserNamespace(spec: PodSpec): boolean {
  return specField(spec, 'hostUsers') === false;
}

export function isWindowsPod(spec: PodSpec): boolean {
  return obj(specField(spec, 'os'))?.name === 'windows';
}

export function quoted(items: Iterable<string>): string {
  return [...items].map((i) => `"${i}"`).join(', ');
}

/** `container "a"` / `containers "a", "b"` */
export function containerWord(names: string[]): string {
  return `${names.length === 1 ? 'container' : 'containers'} ${quoted(names)}`;
}

/** "pod and containers "a", "b"" — who set a forbidden value. */
export function setters(pod: boolean, names: string[]): string {
  const parts = [...(pod ? ['pod'] : []), ...(names.length ? [containerWord(names)] : [])];
  return parts.join(' and ');
}

export function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}
