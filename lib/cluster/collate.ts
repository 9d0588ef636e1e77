// localeCompare() with no locale, as every sorted list of the Inventory and the document uses,
// without the collator's cost for the strings Kubernetes names are made of. For strings of
// [a-z0-9.-] alone the root (and English) collation orders exactly as their code units do
// ('-' < '.' < digits < letters, no contractions), so those compare by code unit; anything
// else, or another default locale, goes to the collator. collate.test.ts holds the two equal.
const collator = new Intl.Collator();
const base = collator.compare;
const lang = collator.resolvedOptions().locale.split('-')[0];
const FAST = lang === 'en' || lang === 'und' || lang === 'root';

// 0-9 a-z . -
function plain(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46;
}

function allPlain(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) if (!plain(s.charCodeAt(i))) return false;
  return true;
}

const PLAIN = /^[a-z0-9.-]*$/;

/** Whether s is made of [a-z0-9.-] alone, under a locale where that means collate() is code-unit order. */
export function isPlain(s: string): boolean {
  return FAST && typeof s === 'string' && PLAIN.test(s);
}

export function collate(a: string, b: string): number {
  if (a === b) return 0;
  if (!FAST) return base(a, b);
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (!plain(x) || !plain(y)) return base(a, b);
    if (x !== y) return allPlain(a, i + 1) && allPlain(b, i + 1) ? (x < y ? -1 : 1) : base(a, b);
  }
  // One is a prefix of the other: the shorter first, when what follows is plain too.
  return allPlain(a, n) && allPlain(b, n) ? (a.length < b.length ? -1 : 1) : base(a, b);
}
