// Where an object read from a file came from, for the CLI's SARIF output. It rides on the
// object under a non-enumerable symbol: JSON.stringify, structuredClone, spreads and test
// equality all skip it, so it never reaches the posture document or changes an object's
// identity; buildInventory's normalise() carries it over explicitly.
import type { K8sObject } from './types';

export interface SourceLocation {
  /** The file as the reader was given it (joined onto the --from path). */
  file: string;
  /** 1-based line of the object's first key; absent for JSON input. */
  line?: number;
}

const SOURCE = Symbol('kube-posture.source');

export function setSourceLocation(o: object, loc: SourceLocation | undefined): void {
  if (loc) Object.defineProperty(o, SOURCE, { value: loc, configurable: true });
}

export function sourceLocationOf(o: K8sObject): SourceLocation | undefined {
  return (o as { [SOURCE]?: SourceLocation })[SOURCE];
}
