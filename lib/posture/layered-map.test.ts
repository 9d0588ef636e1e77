import { describe, expect, it } from 'vitest';
import { seededRandom } from '../synthetic/generate';
import { layered } from './layered-map';

describe('layered', () => {
  // 50 keys: the layers are mostly made one Map; 2,000: mostly squashed to one layer of changes.
  it.each([50, 2000])('reads and iterates as a Map copied and edited would, through many layers of random edits (%i keys)', (keys) => {
    const rand = seededRandom(3);
    let copy = new Map(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));
    let layers: ReadonlyMap<string, number> = new Map(copy);
    for (let step = 0; step < 200; step++) {
      const changes = new Map<string, number | undefined>();
      for (let j = Math.floor(rand() * 4); j >= 0; j--) changes.set(`k${Math.floor(rand() * (keys + 20))}`, rand() < 0.3 ? undefined : step);
      copy = new Map(copy);
      for (const [k, v] of changes) {
        if (v === undefined) copy.delete(k);
        else copy.set(k, v);
      }
      layers = layered(layers, changes);
      // Iterated now and then, so that some iterations make one Map of several layers at once.
      if (step % 3 === 2) expect([...layers], `step ${step}`).toEqual([...copy]);
      expect(layers.size).toBe(copy.size);
      for (let i = 0; i < keys + 20; i += keys > 100 ? 37 : 1) expect([layers.has(`k${i}`), layers.get(`k${i}`)]).toEqual([copy.has(`k${i}`), copy.get(`k${i}`)]);
    }
  });

  it('keeps a key removed and set again at the end when its layers are squashed', () => {
    const base = new Map(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    let m: ReadonlyMap<string, number> = layered(base, new Map([['k5', undefined]]));
    m = layered(m, new Map([['k5', 500]]));
    for (let i = 0; i < 8; i++) m = layered(m, new Map([[`k${10 + i}`, 1000 + i]]));
    const keys = [...m.keys()];
    expect(keys.at(-1)).toBe('k5');
    expect(keys).toHaveLength(100);
    expect(m.get('k17')).toBe(1007);
  });
});
