// What the main thread and the attack-path worker (attack-paths-worker.ts) say to each other, and
// the worker's state, apart from the thread so it is tested in-process.
import { applyChanges, type ResourceChange } from '../cluster/apply-change';
import type { Inventory } from '../cluster/inventory';
import { analyseForAdoption, type AttackRefresh } from '../posture/incremental';

export type ToWorker =
  /** The inventory from now on (a scan, a full recompute): `epoch` tells later answers apart from earlier ones. */
  | { type: 'reset'; epoch: number; inventory: Inventory }
  /** A batch the main thread applied to its inventory, in the same order. */
  | { type: 'changes'; epoch: number; changes: ResourceChange[] }
  | { type: 'analyse'; epoch: number; id: number };

export type FromWorker = { id: number; epoch: number; refresh: AttackRefresh } | { id: number; epoch: number; error: string };

export function analyserState(): { handle(m: ToWorker): FromWorker | null } {
  let inventory: Inventory | null = null;
  let epoch = -1;
  return {
    handle(m) {
      if (m.type === 'reset') {
        ({ inventory, epoch } = m);
        return null;
      }
      if (m.epoch !== epoch || !inventory) return m.type === 'analyse' ? { id: m.id, epoch: m.epoch, error: 'no inventory for this epoch' } : null;
      if (m.type === 'changes') {
        inventory = applyChanges(inventory, m.changes).inventory;
        return null;
      }
      try {
        return { id: m.id, epoch, refresh: analyseForAdoption(inventory) };
      } catch (e) {
        return { id: m.id, epoch, error: (e as Error).message };
      }
    },
  };
}
