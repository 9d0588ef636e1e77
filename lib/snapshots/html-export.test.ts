import { describe, expect, it } from 'vitest';
import { esc, snapshotHtml } from './html-export';
import { sampleDocument } from './test-fixtures';

describe('snapshotHtml', () => {
  const doc = sampleDocument({ privileged: true });

  it('shows the overview scores per area, namespaces and every finding', () => {
    const html = snapshotHtml(doc, { takenAt: doc.generatedAt, label: 'before the upgrade' });
    expect(html).toContain(`data-testid="cluster-score"><b style="color:`);
    expect(html).toContain(`>${Math.round(doc.score)}</b>`);
    for (const a of doc.areas) expect(html).toContain(`<td>${esc(a.title)}</td>`);
    expect(html).toContain('<td>shop</td>');
    expect(html.match(/<tr><td class="sev"/g)).toHaveLength(doc.findings.length);
    expect(html).toContain('before the upgrade');
  });

  it('is self-contained: no script, no external reference', () => {
    const html = snapshotHtml(doc, { takenAt: doc.generatedAt, label: null });
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes every piece of cluster text', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const d = {
      ...doc,
      cluster: { ...doc.cluster, name: evil },
      namespaces: doc.namespaces.map((n) => ({ ...n, name: evil })),
      findings: doc.findings.map((f) => ({ ...f, message: evil, remediation: evil, resource: { ...f.resource, name: evil } })),
    };
    const html = snapshotHtml(d, { takenAt: d.generatedAt, label: evil });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
  });
});
