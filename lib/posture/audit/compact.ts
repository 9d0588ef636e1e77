// What keeps the audit aggregates small: strings shared rather than copied per row, and the API
// server's timestamps held as numbers. Pure.

/** One shared instance of each equal string (or list of strings) the aggregates hold. */
export class Interner {
  private strings = new Map<string, string>();
  private lists = new Map<string, readonly string[]>();

  str(s: string): string {
    const had = this.strings.get(s);
    if (had !== undefined) return had;
    this.strings.set(s, s);
    return s;
  }

  list(xs: readonly string[]): readonly string[] {
    const k = xs.join('\u0000');
    const had = this.lists.get(k);
    if (had) return had;
    const mine = xs.map((x) => this.str(x));
    this.lists.set(k, mine);
    return mine;
  }

  /** Makes `xs` the shared instance of its list (when pruning rebuilds the interner around the rows kept). */
  adopt(xs: readonly string[]): void {
    const k = xs.join('\u0000');
    if (!this.lists.has(k)) this.lists.set(k, xs);
  }
}

/** A time as read: microseconds since 1970 when it is in the API server's own format, else the text itself. */
export type Time = number | string;

const DIGIT = (s: string, i: number) => s.charCodeAt(i) - 48;
const num = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = DIGIT(s, i);
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "2026-12-02T19:42:07.123456Z" (metav1.MicroTime, always UTC) as microseconds; any other text
 * is kept as it is. timeText() gives back exactly the text read, so comparing Times compares
 * what comparing the texts would.
 */
export function packTime(t: string): Time {
  if (t.length !== 27 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58 || t.charCodeAt(19) !== 46 || t.charCodeAt(26) !== 90) return t;
  const y = num(t, 0, 4);
  const mo = num(t, 5, 7);
  const d = num(t, 8, 10);
  const h = num(t, 11, 13);
  const mi = num(t, 14, 16);
  const s = num(t, 17, 19);
  const us = num(t, 20, 26);
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > MONTH_DAYS[mo - 1]! || (mo === 2 && d === 29 && !leap(y)) || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || us < 0) return t;
  return Date.UTC(y, mo - 1, d, h, mi, s) * 1000 + us;
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function timeText(t: Time): string {
  if (typeof t === 'string') return t;
  const sec = Math.floor(t / 1e6);
  return `${new Date(sec * 1000).toISOString().slice(0, 19)}.${String(t - sec * 1e6).padStart(6, '0')}Z`;
}

/** a < b as their texts compare. */
export function earlier(a: Time, b: Time): boolean {
  return typeof a === typeof b ? a < b : timeText(a) < timeText(b);
}

/** Values under three strings, found without joining them into a key (this runs per event). */
export class Tuples<T> {
  private root = new Map<string, Map<string, Map<string, T>>>();
  size = 0;

  get(a: string, b: string, c: string): T | undefined {
    return this.root.get(a)?.get(b)?.get(c);
  }

  set(a: string, b: string, c: string, value: T): void {
    let m1 = this.root.get(a);
    if (!m1) this.root.set(a, (m1 = new Map()));
    let m2 = m1.get(b);
    if (!m2) m1.set(b, (m2 = new Map()));
    if (!m2.has(c)) this.size++;
    m2.set(c, value);
  }
}
