import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, at the limit and one past it', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{}]}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false);
  });
  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan('{"a":"[[[[[[\\"[[[["}', 2)).toBe(false);
    expect(nestsDeeperThan('["\\\\",[[[]]]]', 3)).toBe(true);
  });
  it('finds 100,000 levels quickly, without recursion', () => {
    const text = '['.repeat(100_000) + ']'.repeat(100_000);
    const t = Date.now();
    expect(nestsDeeperThan(text)).toBe(true);
    expect(Date.now() - t).toBeLessThan(500);
  });
});
