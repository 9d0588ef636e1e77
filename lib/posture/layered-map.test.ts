import { describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/generate';
import { layered } from './layered-map';

describe('layered', () => {
  it('reads and iterates as a Map copied and edited would, through many layers of random edits', () => {
    const rand = seededRandom(3);
    let copy = new Map(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    let layers: ReadonlyMap<string, number> = new Map(copy);
    for (let step = 0; step < 200; step++) {
      const changes = new Map<string, number | undefined>();
      for (let j = Math.floor(rand() * 4); j >= 0; j--) changes.set(`k${Math.floor(rand() * 70)}`, rand() < 0.3 ? undefined : step);
      copy = new Map(copy);
      for (const [k, v] of changes) {
        if (v === undefined) copy.delete(k);
        else copy.set(k, v);
      }
      layers = layered(layers, changes);
      // Iterated now and then, so that some iterations make one Map of several layers at once.
      if (step % 3 === 2) expect([...layers], `step ${step}`).toEqual([...copy]);
      expect(layers.size).toBe(copy.size);
      for (let i = 0; i < 70; i++) expect([layers.has(`k${i}`), layers.get(`k${i}`)]).toEqual([copy.has(`k${i}`), copy.get(`k${i}`)]);
    }
  });
});
