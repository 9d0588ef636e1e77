// One self-contained HTML file for a snapshot: inline CSS, no scripts, no external requests,
// so it opens from disk with no server. Every piece of cluster text goes through esc().
import { compareNamespacesWorstFirst } from '@/lib/posture/namespace-list';
import { countBySeverity, scoreBand, severityRank } from '@/lib/posture/scoring';
import { isOpen, SEVERITIES, type PostureDocument } from '@/lib/posture/types';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

const BAND = { poor: '#b91c1c', fair: '#b45309', good: '#15803d' } as const;
const SEV = { critical: '#7f1d1d', high: '#b91c1c', medium: '#b45309', low: '#1d4ed8', info: '#475569' } as const;

const score = (s: number | null) => (s === null ? '<span class="muted">not assessed</span>' : `<b style="color:${BAND[scoreBand(s)]}">${Math.round(s)}</b>`);

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a;background:#f8fafc;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:28px 0 8px}
.muted{color:#64748b}.banner{background:#eef2ff;border:1px solid #c7d2fe;border-radius:6px;padding:8px 12px;margin:12px 0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:10px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px}
.big{font-size:40px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border-bottom:1px solid #e2e8f0;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f1f5f9}
.sev{font-weight:600;text-transform:capitalize}
pre{white-space:pre-wrap;margin:0;font:12px/1.4 ui-monospace,monospace}
details summary{cursor:pointer;color:#334155}
`;

export function snapshotHtml(doc: PostureDocument, meta: { takenAt: string; label: string | null }): string {
  const counts = countBySeverity(doc.findings.filter(isOpen)); // open findings: by-design and accepted ones are listed, not counted
  const findings = [...doc.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.checkId.localeCompare(b.checkId));
  const title = `kube-posture snapshot: ${doc.cluster.name}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><main>
<h1>Security posture of ${esc(doc.cluster.name)}</h1>
<p class="banner">Snapshot taken <time datetime="${esc(meta.takenAt)}">${esc(meta.takenAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</time>${
    meta.label ? ` · ${esc(meta.label)}` : ''
  }, read-only. Source: ${esc(doc.cluster.source)}${doc.cluster.version ? `, Kubernetes ${esc(doc.cluster.version)}` : ''}.</p>

<section aria-label="Overview"><h2>Overview</h2>
<div class="cards">
<div class="card"><div class="muted">Cluster score</div><div class="big" data-testid="cluster-score">${score(doc.score)}</div>
<div>${SEVERITIES.map((s) => `<span class="sev" style="color:${SEV[s]}">${counts[s]} ${s}</span>`).join(' · ')}</div>
<div class="muted">${doc.findings.length} findings</div></div>
</div>
<h2>Areas</h2>
<table><thead><tr><th>Area</th><th>Score</th><th>Findings</th><th>Checks passed</th><th>Coverage</th></tr></thead><tbody>
${doc.areas
  .map(
    (a) =>
      `<tr><td>${esc(a.title)}</td><td>${score(a.score)}</td><td>${
        SEVERITIES.filter((s) => a.counts[s] > 0)
          .map((s) => `${a.counts[s]} ${s}`)
          .join(', ') || '—'
      }</td><td>${a.checks.passed} of ${a.checks.total}${a.checks.notAssessed ? ` (${a.checks.notAssessed} not assessed)` : ''}</td><td>${
        a.coverage ? esc(a.coverage.status) : ''
      }</td></tr>`,
  )
  .join('\n')}
</tbody></table>
<h2>Namespaces</h2>
<table><thead><tr><th>Namespace</th><th>Score</th><th>Findings</th></tr></thead><tbody>
${[...doc.namespaces]
  .sort(compareNamespacesWorstFirst)
  .map(
    (n) =>
      `<tr><td>${esc(n.name)}</td><td>${score(n.score)}</td><td>${
        SEVERITIES.filter((s) => n.counts[s] > 0)
          .map((s) => `${n.counts[s]} ${s}`)
          .join(', ') || '—'
      }</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>

<section aria-label="Findings"><h2>Findings (${doc.findings.length})</h2>
<table><thead><tr><th>Severity</th><th>Check</th><th>Object</th><th>Finding</th></tr></thead><tbody>
${findings
  .map(
    (f) =>
      `<tr><td class="sev" style="color:${SEV[f.severity]}">${esc(f.severity)}</td><td>${esc(f.title)}<div class="muted">${esc(f.checkId)}</div></td><td>${esc(
        f.resource.kind,
      )} ${f.resource.namespace ? `${esc(f.resource.namespace)}/` : ''}${esc(f.resource.name)}</td><td>${esc(f.message)}<details><summary>Remediation</summary><pre>${esc(
        f.remediation,
      )}</pre></details></td></tr>`,
  )
  .join('\n')}
</tbody></table></section>
<p class="muted">Exported by kube-posture. Posture document schema version ${esc(doc.schemaVersion)}, generated ${esc(doc.generatedAt)}.</p>
</main></body></html>
`;
}
