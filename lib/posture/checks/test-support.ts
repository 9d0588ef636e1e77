// Test helpers for check tests (not product code: only *.test.ts files import this).
import type { Inventory } from '../../cluster/inventory';
import type { K8sObject } from '../../cluster/types';
import { isNotAssessed, type Check, type RawFinding } from '../check';
import { inventoryOf } from '../test-inventory';

/** A check's findings on an inventory, or on objects built into one; a not-assessed outcome fails the test. */
export function run(check: Check, input: Inventory | Partial<K8sObject>[], opts?: Parameters<typeof inventoryOf>[1]): RawFinding[] {
  const out = check.evaluate(Array.isArray(input) ? inventoryOf(input, opts) : input);
  if (isNotAssessed(out)) throw new Error(`${check.id} not assessed: ${out.notAssessed}`);
  return out;
}

/** One line per finding: "severity Kind/namespace/name: message". */
export function findingLines(check: Check, findings: RawFinding[]): string[] {
  return findings.map((f) => `${f.severity ?? check.severity} ${f.resource.kind}/${f.resource.namespace ?? ''}/${f.resource.name}: ${f.message}`);
}
