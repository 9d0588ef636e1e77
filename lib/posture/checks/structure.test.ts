// The tree is the catalogue: every check file under lib/posture/checks/<area>/ is a registered
// check whose id is its path (`pod-security/pss/privileged.ts` → `pod-security.pss.privileged`),
// and every registered check lives in such a file. Helpers live in `support/` folders.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Check } from '../check';
import { ALL_CHECKS } from '../registry';

const ROOT = __dirname;
const NOT_CHECKS = new Set(['support', 'testdata']);

/** Check files relative to ROOT: .ts under an area folder, not tests, index.ts or support/. */
function checkFiles(dir: string, depth = 0): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return NOT_CHECKS.has(e.name) ? [] : checkFiles(rel, depth + 1);
    if (depth === 0 || !e.name.endsWith('.ts') || e.name.endsWith('.test.ts') || e.name === 'index.ts') return [];
    return [rel];
  });
}

const files = checkFiles('');

describe('check tree', () => {
  it('finds the check files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files)('%s is a registered check whose id and area match its path', async (file) => {
    const mod = (await import(`./${file.replace(/\.ts$/, '')}`)) as { default?: Check };
    const check = mod.default;
    expect(check, 'default export').toBeDefined();
    expect(ALL_CHECKS).toContain(check);
    expect(check!.id).toBe(file.replace(/\.ts$/, '').split(path.sep).join('.'));
    expect(check!.area).toBe(file.split(path.sep)[0]);
  });

  it('every registered check lives in its own file', async () => {
    const defaults = await Promise.all(files.map(async (f) => ((await import(`./${f.replace(/\.ts$/, '')}`)) as { default: Check }).default));
    expect(ALL_CHECKS.filter((c) => !defaults.includes(c)).map((c) => c.id)).toEqual([]);
    expect(new Set(ALL_CHECKS.map((c) => c.id)).size).toBe(ALL_CHECKS.length);
  });

  it('product code never imports the test helpers', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && /from '[^']*test-support'/.test(fs.readFileSync(p, 'utf8'))) offenders.push(p);
      }
    };
    walk(path.join(ROOT, '..'));
    expect(offenders).toEqual([]);
  });
});
