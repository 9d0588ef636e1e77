// Finding messages that know which of their words are names. A check writes
//   msg`${named(w)} pulls ${image(c.image)} from ${registry(r)}`
// and gets the sentence plus where each name sits in it and what it names (Finding.names).
// A redacted share keeps the prose around them and swaps only the marked places for
// pseudonyms (lib/snapshots/redact.ts): it never searches prose for names, so a namespace
// called "default" does not touch "the default level". Pure.
//
// Interpolating a bare string is a type error: every string is a name (ns, obj, ...) or is
// declared free of names with prose(). Numbers are always allowed.

import type { NameAt, NamedValue } from './types';

/** text has one piece more than names: text[0] names[0] text[1] … names[n-1] text[n]. */
interface MessageParts {
  text: string[];
  names: NamedValue[];
}

export class Message {
  constructor(readonly parts: MessageParts) {}
  toString(): string {
    return renderParts(this.parts, (n) => n.value);
  }
}

class Name {
  constructor(readonly named: NamedValue) {}
}

/** A string the caller vouches contains no cluster names (a version, a CVE list, a fixed phrase). */
class Prose {
  constructor(readonly text: string) {}
}

export type MessagePiece = Message | Name | Prose | number | readonly (Message | Name)[];

export const ns = (value: string) => new Name({ role: 'namespace', value });
export const obj = (value: string, kind?: string) => new Name(kind ? { role: 'object', value, kind } : { role: 'object', value });
export const subject = (value: string) => new Name({ role: 'subject', value });
export const host = (value: string) => new Name({ role: 'host', value });
export const image = (value: string) => new Name({ role: 'image', value });
export const registry = (value: string) => new Name({ role: 'registry', value });
export const cluster = (value: string) => new Name({ role: 'cluster', value });
export const prose = (text: string | number | boolean) => new Prose(String(text));

/** `${kind} ${namespace}/${name}` (or `${kind} ${name}` when cluster-scoped), as most messages name an object. */
export function named(r: { kind: string; namespace?: string | null; name: string }): Message {
  return r.namespace ? msg`${prose(r.kind)} ${ns(r.namespace)}/${obj(r.name, r.kind)}` : msg`${prose(r.kind)} ${obj(r.name, r.kind)}`;
}

/** Pieces joined by a separator (an array inside msg`` joins with ", "). */
export function join(pieces: readonly (Message | Name | Prose)[], separator = ', '): Message {
  const text = [''];
  const names: NamedValue[] = [];
  pieces.forEach((p, i) => {
    if (i > 0) text[text.length - 1] += separator;
    append(text, names, p);
  });
  return new Message({ text, names });
}

export function msg(strings: TemplateStringsArray, ...values: MessagePiece[]): Message {
  const text = [strings[0]!];
  const names: NamedValue[] = [];
  values.forEach((v, i) => {
    if (Array.isArray(v)) append(text, names, join(v as (Message | Name)[]));
    else append(text, names, v as Message | Name | Prose | number);
    text[text.length - 1] += strings[i + 1]!;
  });
  return new Message({ text, names });
}

function append(text: string[], names: NamedValue[], v: Message | Name | Prose | number): void {
  if (v instanceof Name) {
    names.push(v.named);
    text.push('');
  } else if (v instanceof Message) {
    text[text.length - 1] += v.parts.text[0]!;
    v.parts.names.forEach((n, i) => {
      names.push(n);
      text.push(v.parts.text[i + 1]!);
    });
  } else if (v instanceof Prose) text[text.length - 1] += v.text;
  else if (typeof v === 'number') text[text.length - 1] += String(v);
  else throw new TypeError('a message piece must be a name, prose() or a number'); // untyped callers
}

function renderParts(parts: MessageParts, name: (n: NamedValue) => string): string {
  let out = parts.text[0] ?? '';
  parts.names.forEach((n, i) => (out += name(n) + (parts.text[i + 1] ?? '')));
  return out;
}

/** Longest sentence kept: a pod with thousands of containers must not make a megabyte message. */
export const MAX_MESSAGE_CHARS = 2_000;

/**
 * A finding's message and the places of its names, to spread into the finding:
 *   { resource: ref(n), ...marked(msg`Node ${obj(n.metadata.name, 'Node')} runs …`) }
 */
export function marked(m: Message): { message: string; names: NameAt[] } {
  const names: NameAt[] = [];
  let message = m.parts.text[0]!;
  m.parts.names.forEach((n, i) => {
    names.push({ ...n, at: message.length });
    message += n.value + m.parts.text[i + 1]!;
  });
  return { message, names };
}

/**
 * Stand-ins for an object's namespace and name: text built once for many objects holds these,
 * marked wherever they stand, and filledSlots puts each object's own in (pod-fix.ts, pss-check.ts).
 */
export const NAMESPACE_SLOT = 'kp-slot-namespace-4d1f';
export const NAME_SLOT = 'kp-slot-name-9c2e';

/** The text with the marked slots replaced by the object's namespace and name; the marks after each move with it. */
export function filledSlots(text: string, names: readonly NameAt[], o: { namespace: string; name: string }): { text: string; names: NameAt[] } {
  let out = '';
  let from = 0;
  let shift = 0;
  const marks: NameAt[] = [];
  for (const n of names) {
    const value = n.value === NAMESPACE_SLOT ? o.namespace : n.value === NAME_SLOT ? o.name : null;
    if (value === null) {
      marks.push({ ...n, at: n.at + shift });
      continue;
    }
    out += text.slice(from, n.at) + value;
    from = n.at + n.value.length;
    marks.push({ ...n, value, at: n.at + shift });
    shift += value.length - n.value.length;
  }
  return { text: out + text.slice(from), names: marks };
}

/** A stored sentence and its marks as a Message again, to build a longer one from it. */
export function unmarked(text: string, names: readonly NameAt[]): Message {
  const pieces: string[] = [];
  let from = 0;
  for (const n of names) {
    pieces.push(text.slice(from, n.at));
    from = n.at + n.value.length;
  }
  pieces.push(text.slice(from));
  return new Message({ text: pieces, names: names.map(({ at: _at, ...n }) => n) });
}

/**
 * The message as a document stores it, at most MAX_MESSAGE_CHARS long, with the names that
 * are left. A cut never splits a name: it moves before it, so no piece of one stays in the prose.
 */
export function bounded(message: string, names?: NameAt[]): { message: string; names?: NameAt[] } {
  if (message.length <= MAX_MESSAGE_CHARS) return names ? { message, names } : { message };
  const straddling = names?.find((n) => n.at + n.value.length > MAX_MESSAGE_CHARS);
  const cut = Math.min(MAX_MESSAGE_CHARS, straddling?.at ?? MAX_MESSAGE_CHARS);
  const text = `${message.slice(0, cut)}… (${message.length - cut} more characters left out)`;
  return names ? { message: text, names: names.filter((n) => n.at + n.value.length <= cut) } : { message: text };
}

/** Whether names mark places in text as they say, in order and without overlap (an imported document may carry anything). */
export function namesFit(text: string, names: readonly NameAt[]): boolean {
  let end = 0;
  for (const n of names) {
    if (!Number.isInteger(n.at) || n.at < end || text.slice(n.at, n.at + n.value.length) !== n.value) return false;
    end = n.at + n.value.length;
  }
  return true;
}

/** The sentence with each marked name replaced; the prose between them is kept as it is. */
export function replaceNames(text: string, names: readonly NameAt[], replace: (n: NamedValue) => string): string {
  let out = '';
  let from = 0;
  for (const n of names) {
    out += text.slice(from, n.at) + replace(n);
    from = n.at + n.value.length;
  }
  return out + text.slice(from);
}
