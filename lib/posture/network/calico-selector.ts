// Calico's selector expressions (`app == 'web' && has(tier)`), parsed and matched against labels.
// Grammar as Calico documents it: all(), global(), ==, !=, has(), in {…}, not in {…}, contains,
// starts with, ends with, !, &&, ||, parentheses. Anything else is refused, never guessed. Pure.

export type CalicoSelector = (labels: Record<string, string>) => boolean;

export interface ParsedSelector {
  matches: CalicoSelector;
  /** Every label key the expression reads. */
  keys: Set<string>;
}

/** The parsed selector, or the reason it cannot be read. Empty or absent means all(). */
export function parseCalicoSelector(text: unknown): ParsedSelector | { error: string } {
  if (text === undefined || text === null || (typeof text === 'string' && text.trim() === '')) return { matches: () => true, keys: new Set() };
  if (typeof text !== 'string') return { error: 'the selector is not a string' };
  try {
    const p = new Parser(text);
    const matches = p.orExpr();
    p.skip();
    if (p.pos < text.length) throw new Error(`unexpected "${text.slice(p.pos, p.pos + 12)}"`);
    return { matches, keys: p.keys };
  } catch (e) {
    return { error: `Calico selector "${text}" cannot be read here: ${(e as Error).message}` };
  }
}

const KEY = /^[A-Za-z0-9_.\/-]+/;

class Parser {
  pos = 0;
  keys = new Set<string>();
  constructor(private readonly s: string) {}

  skip(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos]!)) this.pos++;
  }

  private eat(token: string): boolean {
    this.skip();
    if (!this.s.startsWith(token, this.pos)) return false;
    // A word operator must end where the word ends: "in" is not the start of "inner".
    if (/[a-z]$/.test(token) && /[A-Za-z0-9_]/.test(this.s[this.pos + token.length] ?? '')) return false;
    this.pos += token.length;
    return true;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new Error(`expected "${token}" at ${this.pos}`);
  }

  orExpr(): CalicoSelector {
    let left = this.andExpr();
    while (this.eat('||')) {
      const [a, b] = [left, this.andExpr()];
      left = (l) => a(l) || b(l);
    }
    return left;
  }

  private andExpr(): CalicoSelector {
    let left = this.unary();
    while (this.eat('&&')) {
      const [a, b] = [left, this.unary()];
      left = (l) => a(l) && b(l);
    }
    return left;
  }

  private unary(): CalicoSelector {
    if (this.eat('!')) {
      const inner = this.unary();
      return (l) => !inner(l);
    }
    if (this.eat('(')) {
      const inner = this.orExpr();
      this.expect(')');
      return inner;
    }
    if (this.eat('all()')) return () => true;
    if (this.eat('global()')) return () => false; // selects non-namespaced endpoints; pods are namespaced
    if (this.eat('has(')) {
      const k = this.key();
      this.expect(')');
      return (l) => Object.prototype.hasOwnProperty.call(l, k);
    }
    const k = this.key();
    const has = (l: Record<string, string>) => Object.prototype.hasOwnProperty.call(l, k);
    if (this.eat('==')) {
      const v = this.str();
      return (l) => has(l) && l[k] === v;
    }
    if (this.eat('!=')) {
      const v = this.str();
      return (l) => !has(l) || l[k] !== v;
    }
    if (this.eat('not')) {
      this.expect('in');
      const set = this.set();
      return (l) => !has(l) || !set.has(l[k]!);
    }
    if (this.eat('in')) {
      const set = this.set();
      return (l) => has(l) && set.has(l[k]!);
    }
    if (this.eat('contains')) {
      const v = this.str();
      return (l) => has(l) && l[k]!.includes(v);
    }
    if (this.eat('starts')) {
      this.expect('with');
      const v = this.str();
      return (l) => has(l) && l[k]!.startsWith(v);
    }
    if (this.eat('ends')) {
      this.expect('with');
      const v = this.str();
      return (l) => has(l) && l[k]!.endsWith(v);
    }
    throw new Error(`no operator after "${k}"`);
  }

  private key(): string {
    this.skip();
    const m = KEY.exec(this.s.slice(this.pos));
    if (!m) throw new Error(`expected a label name at ${this.pos}`);
    this.pos += m[0].length;
    this.keys.add(m[0]);
    return m[0];
  }

  private str(): string {
    this.skip();
    const q = this.s[this.pos];
    if (q !== '"' && q !== "'") throw new Error(`expected a quoted value at ${this.pos}`);
    const end = this.s.indexOf(q, this.pos + 1);
    if (end < 0) throw new Error('unterminated string');
    const v = this.s.slice(this.pos + 1, end);
    this.pos = end + 1;
    return v;
  }

  private set(): Set<string> {
    this.expect('{');
    const out = new Set<string>();
    if (this.eat('}')) return out;
    do out.add(this.str());
    while (this.eat(','));
    this.expect('}');
    return out;
  }
}
