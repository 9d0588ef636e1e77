// Kubernetes resource quantities ("500m", "2Gi", "1e3", "1.5") as plain numbers. Pure.
// Precision beyond a double is irrelevant here: we compare usage against a quota.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

// Same grammar as k8s.io/apimachinery/pkg/api/resource: sign, digits with an optional fraction, then a suffix.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[eE][+-]?\d+|[numkMGTPE]?)$/;

/** The quantity's value in base units (cores, bytes, objects), or null when it is not a quantity. */
export function parseQuantity(q: unknown): number | null {
  if (typeof q === 'number') return Number.isFinite(q) ? q : null;
  if (typeof q !== 'string') return null;
  const m = QUANTITY.exec(q.trim());
  if (!m) return null;
  const [, digits, suffix] = m as unknown as [string, string, string];
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  if (suffix in BINARY) return n * BINARY[suffix]!;
  if (/^[eE]/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return n * DECIMAL[suffix]!;
}
