// The YAML of a patch, emitted directly for the shapes patches take (maps, lists of maps or
// scalars, plain-safe strings, integers, booleans, null), byte for byte what
// `stringify(value, { lineWidth: 0 })` of the `yaml` library gives, with where each string
// scalar starts. On 50,000 workloads, building the library's document and parsing it back to
// find the names took more than half of the posture's time. Anything outside these shapes
// (a string the library would quote, a float, a list in a list) returns null: the caller
// then uses the library. plain-yaml.test.ts holds the two equal. Pure.

export interface PlainYaml {
  text: string;
  /** Every string scalar (keys included), with its offset in text. */
  strings: { value: string; at: number }[];
}

// Strings the library writes plain: no indicator first, nothing a parser would read as
// structure, and nothing a core-schema tag would resolve to another type.
const SAFE = /^[A-Za-z0-9_$/][A-Za-z0-9_$/.-]*$/;
const RESOLVES = [
  /^(?:~|[Nn]ull|NULL)$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
];

/** Whether the library writes s as it is (unquoted). */
export function plain(s: string): boolean {
  return SAFE.test(s) && !RESOLVES.some((r) => r.test(s));
}

class Outside extends Error {}

export function plainYaml(value: Record<string, unknown>): PlainYaml | null {
  let text = '';
  const strings: PlainYaml['strings'] = [];
  const str = (s: string) => {
    if (!plain(s)) throw new Outside();
    strings.push({ value: s, at: text.length });
    text += s;
  };
  /** Whether v goes on its key's line (a scalar, `{}` or `[]`) rather than on lines of its own. */
  const fitsInline = (v: unknown): boolean =>
    !(Array.isArray(v) ? v.length > 0 : typeof v === 'object' && v !== null && Object.keys(v).length > 0);
  /** A scalar, `{}` or `[]` after `key: ` or `- `; false when the value needs lines of its own. */
  const inline = (v: unknown): boolean => {
    if (typeof v === 'string') str(v);
    else if (typeof v === 'number') {
      if (!Number.isSafeInteger(v) || Object.is(v, -0)) throw new Outside();
      text += String(v);
    } else if (typeof v === 'boolean') text += String(v);
    else if (v === null) text += 'null';
    else if (Array.isArray(v)) {
      if (v.length > 0) return false;
      text += '[]';
    } else if (typeof v === 'object') {
      if (Object.getPrototypeOf(v) !== Object.prototype) throw new Outside();
      if (Object.keys(v).length > 0) return false;
      text += '{}';
    } else throw new Outside();
    return true;
  };
  const map = (o: Record<string, unknown>, indent: string, first: boolean) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) throw new Outside();
      if (!first) text += indent;
      first = false;
      str(k);
      // Decided before writing: taking back a trailing space copies the whole text (quadratic).
      if (fitsInline(v)) {
        text += ': ';
        inline(v);
        text += '\n';
      } else {
        text += ':\n';
        block(v, `${indent}  `);
      }
    }
  };
  const list = (l: unknown[], indent: string) => {
    for (const v of l) {
      text += `${indent}- `;
      if (inline(v)) text += '\n';
      else if (Array.isArray(v)) throw new Outside();
      else map(v as Record<string, unknown>, `${indent}  `, true);
    }
  };
  const block = (v: unknown, indent: string) => {
    if (Array.isArray(v)) list(v, indent);
    else map(v as Record<string, unknown>, indent, false);
  };
  try {
    if (Object.keys(value).length === 0) return null;
    map(value, '', true);
  } catch (e) {
    if (e instanceof Outside) return null;
    throw e;
  }
  return { text, strings };
}
