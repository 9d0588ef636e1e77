import { describe, expect, it } from 'vitest';
import { filterFindings, findingsQueryString, findingsToCsv, parseFindingsQuery } from './findings-query';
import type { Finding } from './types';

const f = (over: Partial<Finding> & { name: string; ns?: string | null }): Finding => ({
  checkId: 'rbac.binds-cluster-admin',
  area: 'rbac',
  severity: 'critical',
  title: 'Subject holds cluster-admin',
  message: 'm',
  remediation: 'r',
  resource: { kind: 'RoleBinding', namespace: over.ns === undefined ? 'shop' : over.ns, name: over.name },
  ...over,
});

describe('findings query', () => {
  it('reads only known values from the URL and ignores the rest', () => {
    expect(parseFindingsQuery(new URLSearchParams('area=rbac&severity=bogus&sort=check&page=-2&namespace=shop&x=1'))).toEqual({
      area: 'rbac',
      namespace: 'shop',
      sort: 'check',
      page: 1,
      severity: undefined,
      check: undefined,
      object: undefined,
      q: undefined,
    });
    expect(parseFindingsQuery({ area: 'nope', q: 'a'.repeat(500) }).q).toHaveLength(200);
  });

  it('round-trips through a query string', () => {
    const q = parseFindingsQuery(new URLSearchParams('area=rbac&severity=high&q=admin&sort=object&page=3'));
    expect(parseFindingsQuery(new URLSearchParams(findingsQueryString(q).slice(1)))).toEqual(q);
    expect(findingsQueryString({ sort: 'severity', page: 1 })).toBe('');
  });

  it('filters by area, severity, namespace (a Namespace finding belongs to itself) and free text', () => {
    const all = [
      f({ name: 'a' }),
      f({ name: 'b', severity: 'low' }),
      f({ name: 'shop', ns: null, resource: { kind: 'Namespace', namespace: null, name: 'shop' } }),
      f({ name: 'c', area: 'encryption', message: 'plain HTTP' }),
    ];
    expect(filterFindings(all, parseFindingsQuery({ severity: 'low' })).map((x) => x.resource.name)).toEqual(['b']);
    expect(filterFindings(all, parseFindingsQuery({ namespace: 'shop', area: 'rbac' }))).toHaveLength(3);
    expect(filterFindings(all, parseFindingsQuery({ q: 'PLAIN http' })).map((x) => x.resource.name)).toEqual(['c']);
    expect(filterFindings(all, parseFindingsQuery({ object: 'RoleBinding/b' })).map((x) => x.resource.name)).toEqual(['b']);
  });

  it('writes CSV that quotes separators and defuses spreadsheet formulas', () => {
    const csv = findingsToCsv([f({ name: '=HYPERLINK("http://evil")', message: 'a, "b"\nc' })]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('severity,area,checkId,kind,namespace,name,title,message,remediation,owner,status');
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"a, ""b""\nc"');
  });

  // OWASP CSV injection: a spreadsheet may trim leading blanks and read full-width signs as
  // ASCII ones, so any of these first characters can start a formula.
  it.each([
    ['=1+1'],
    ['+1+1'],
    ['-1+1'],
    ['@SUM(A1)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\n=1+1'],
    [' =1+1'],
    ['\uFF1D1+1'], // ＝
    ['\uFF0B1+1'], // ＋
    ['\uFF0D1+1'], // －
    ['\uFF201+1'], // ＠
  ])('defuses a cell starting with %j by prefixing a quote', (value) => {
    const row = findingsToCsv([f({ name: 'x', message: value })]).split('\r\n').slice(1).join('\r\n');
    const cells = parseCsvRow(row);
    expect(cells[7]).toBe(`'${value}`);
  });

  it('leaves ordinary cells as they are', () => {
    const cells = parseCsvRow(findingsToCsv([f({ name: 'x', message: 'Deployment shop/cart runs -1 replicas' })]).split('\r\n')[1]!);
    expect(cells[7]).toBe('Deployment shop/cart runs -1 replicas');
  });

  it("ranks findings on attack paths first, most paths first, the rest in the document's order", () => {
    const doc = [f({ name: 'a' }), f({ name: 'b', paths: 2 }), f({ name: 'c', severity: 'low' }), f({ name: 'd', severity: 'low', paths: 9 })];
    expect(filterFindings(doc, parseFindingsQuery({})).map((x) => x.resource.name)).toEqual(['d', 'b', 'a', 'c']);
    // Other sorts are unchanged.
    expect(filterFindings(doc, parseFindingsQuery({ sort: 'object' })).map((x) => x.resource.name)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('owner and status filters', () => {
  const all = [
    f({ name: 'a', owner: 'team-a' }),
    f({ name: 'b', owner: 'team-b', accepted: { by: 'alice', reason: 'r', owner: 'team-b', expires: '2027-01-01', source: 'store', id: '1' } }),
    f({ name: 'c', expected: { reason: 'cni', source: 'https://example.org', component: 'Calico' } }),
  ];
  it('filters by owner and by status, from URL parameters', () => {
    const q = (s: string) => filterFindings(all, parseFindingsQuery(new URLSearchParams(s))).map((x) => x.resource.name);
    expect(q('owner=team-a')).toEqual(['a']);
    expect(q('status=open')).toEqual(['a']);
    expect(q('status=accepted')).toEqual(['b']);
    expect(q('status=expected')).toEqual(['c']);
    expect(q('status=bogus')).toEqual(['a', 'b', 'c']);
    expect(findingsQueryString(parseFindingsQuery(new URLSearchParams('owner=team-a&status=open')))).toBe('?owner=team-a&status=open');
  });
  it('exports the owner and status in CSV', () => {
    const rows = findingsToCsv(all).split('\r\n');
    expect(rows[1]!.endsWith(',team-a,open')).toBe(true);
    expect(rows[2]!.endsWith(',team-b,accepted')).toBe(true);
    expect(rows[3]!.endsWith(',,expected')).toBe(true);
  });
});

/** One RFC 4180 record: quoted cells may hold separators, quotes (doubled) and line breaks. */
function parseCsvRow(text: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (v += '"'), (i += 2);
        else if (text[i] === '"') break;
        else v += text[i++];
      }
      cells.push(v);
      i += 2; // closing quote and comma
    } else {
      const end = text.indexOf(',', i);
      const stop = end === -1 ? text.indexOf('\r\n', i) === -1 ? text.length : text.indexOf('\r\n', i) : end;
      cells.push(text.slice(i, stop));
      if (end === -1) break;
      i = end + 1;
    }
  }
  return cells;
}
