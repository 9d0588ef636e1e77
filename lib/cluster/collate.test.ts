import { describe, expect, it } from 'vitest';
import { collate, isPlain } from './collate';

const intl = new Intl.Collator().compare;
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

// Deterministic strings: mostly Kubernetes-name characters, some that are not (upper case,
// '_', ':', '/', accents, a control character), so both paths are taken.
function strings(seed: number, count: number, alphabet: string): string[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = Math.floor(rand() * 9); i > 0; i--) s += alphabet[Math.floor(rand() * alphabet.length)];
    return s;
  });
}

describe('collate', () => {
  it('orders as Intl.Collator does, on names and on anything else', () => {
    for (const alphabet of ['ab-.09', 'abcxyz0189.-', 'aB-_:/.0é\u0001 z']) {
      const xs = strings(alphabet.length, 3000, alphabet);
      for (let i = 1; i < xs.length; i++) {
        for (const [a, b] of [
          [xs[i - 1]!, xs[i]!],
          [xs[i]!, `${xs[i]!}a`],
          [`${xs[i]!}-`, xs[i]!],
        ] as const) {
          expect([a, b, sign(collate(a, b))]).toEqual([a, b, sign(intl(a, b))]);
        }
      }
    }
  });

  it('sorts a list exactly as the collator does', () => {
    const xs = [...strings(7, 5000, 'abc-.019'), ...strings(8, 500, 'aAbB_-.')];
    expect([...xs].sort(collate)).toEqual([...xs].sort(intl));
  });
});

describe('isPlain', () => {
  it('is true exactly for strings collate() orders by code unit', () => {
    expect(['kube-system', 'a.b-0', ''].map(isPlain)).toEqual([true, true, true]);
    expect(['Kube', 'a_b', 'a:b', 'é', 'a/b'].map(isPlain)).toEqual([false, false, false, false, false]);
    const xs = strings(3, 2000, 'ab-.09').filter(isPlain);
    expect([...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual([...xs].sort(intl));
  });
});
