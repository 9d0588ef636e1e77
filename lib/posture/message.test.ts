import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, bounded, host, join, marked, msg, named, namesFit, ns, obj, prose, replaceNames, subject } from './message';

describe('messages with marked names', () => {
  it('records each name with its role and place, nested pieces and lists included', () => {
    const who = [msg`User ${subject('alice')}`, msg`ServiceAccount ${ns('shop')}/${subject('ci')}`];
    const m = marked(msg`${named({ kind: 'Deployment', namespace: 'shop', name: 'web' })} is reached by ${who} on ${host('a.example')} (${3} ports, ${prose('TLS 1.0')}).`);
    expect(m.message).toBe('Deployment shop/web is reached by User alice, ServiceAccount shop/ci on a.example (3 ports, TLS 1.0).');
    expect(namesFit(m.message, m.names)).toBe(true);
    expect(m.names.map((n) => [n.role, n.value, m.message.slice(n.at, n.at + n.value.length)])).toEqual([
      ['namespace', 'shop', 'shop'],
      ['object', 'web', 'web'],
      ['subject', 'alice', 'alice'],
      ['namespace', 'shop', 'shop'],
      ['subject', 'ci', 'ci'],
      ['host', 'a.example', 'a.example'],
    ]);
    expect(marked(join([obj('a'), obj('b')], '; ')).message).toBe('a; b');
  });

  it('replaces only the marked places: the same word in prose is left alone', () => {
    const m = marked(msg`Namespace ${ns('default')} has no label, so the default level applies.`);
    expect(replaceNames(m.message, m.names, () => 'namespace-1')).toBe('Namespace namespace-1 has no label, so the default level applies.');
  });

  it('refuses a bare string at run time too (the types refuse it at build time)', () => {
    expect(() => msg`Node ${'n1' as never} is old`).toThrow(TypeError);
  });

  it('a long message is cut before a name, never through one, and keeps only whole names', () => {
    const pad = 'x'.repeat(MAX_MESSAGE_CHARS - 3);
    const m = marked(msg`${prose(pad)} ${obj('secret-name')} tail`);
    const b = bounded(m.message, m.names);
    expect(b.names).toEqual([]);
    expect(b.message).not.toContain('sec');
    expect(b.message.startsWith(pad)).toBe(true);
    const plain = bounded('y'.repeat(MAX_MESSAGE_CHARS + 10));
    expect(plain.message).toMatch(/… \(10 more characters left out\)$/);
    expect(plain.names).toBeUndefined();
  });

  it('marks that do not fit the sentence are detected', () => {
    expect(namesFit('Namespace shop', [{ role: 'namespace', value: 'shop', at: 10 }])).toBe(true);
    expect(namesFit('Namespace shop', [{ role: 'namespace', value: 'shop', at: 9 }])).toBe(false);
    expect(namesFit('a b', [{ role: 'object', value: 'b', at: 2 }, { role: 'object', value: 'a', at: 0 }])).toBe(false);
    expect(namesFit('ab', [{ role: 'object', value: 'ab', at: 0 }, { role: 'object', value: 'b', at: 1 }])).toBe(false);
  });
});
