// How deeply a JSON text nests, found without recursion or parsing. JSON.parse copes with any
// depth, but the first recursive walk over the result (a copy, JSON.stringify, a check) would
// overflow the stack; so a response nested deeper than any Kubernetes object is refused up front.

/** Deeper than any real object; CRD schemas, the deepest in practice, stay well under 100. */
export const MAX_JSON_DEPTH = 1000;

/** True when `text` opens more than `limit` arrays/objects inside each other (strings skipped). */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
