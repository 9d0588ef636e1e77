import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineCheck } from './check';
import { catalogueMarkdown } from './catalogue';
import { ALL_CHECKS } from './registry';

describe('check catalogue', () => {
  it('docs/checks.md is the catalogue of the registry (run `npm run catalogue` after changing a check)', () => {
    const committed = readFileSync(path.join(__dirname, '../../docs/checks.md'), 'utf8');
    expect(committed).toBe(catalogueMarkdown(ALL_CHECKS));
  });

  it('lists every check once, with its needs and references, and escapes table syntax', () => {
    const md = catalogueMarkdown(ALL_CHECKS);
    for (const c of ALL_CHECKS) expect(md.split('\n').filter((l) => l.startsWith(`| \`${c.id}\` |`)), c.id).toHaveLength(1);
    const odd = defineCheck({
      id: 'rbac.odd',
      area: 'rbac',
      severity: 'low',
      title: 'a | b',
      remediation: '',
      needs: ['roles', 'rolebindings'],
      references: [{ title: 'CIS 5.1.1', url: 'https://example.test/cis' }],
      evaluate: () => [],
    });
    expect(catalogueMarkdown([odd])).toContain('| `rbac.odd` | rbac | low | a \\| b | roles, rolebindings | [CIS 5.1.1](https://example.test/cis) |');
  });

  it('defineCheck derives each docs link from the id', () => {
    for (const c of ALL_CHECKS) expect(c.docs).toBe(`/checks/${c.id}`);
  });
});
