// SARIF 2.1.0, so CI systems (GitHub code scanning and others) can show findings.
import { checkDocsPath } from '../posture/check';
import type { PostureDocument, Severity } from '../posture/types';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note' | 'none'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'none' };
// GitHub ranks results by this property (0-10).
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '7.5', medium: '5.0', low: '2.0', info: '0.0' };

/** `docsBase`: the dashboard's URL, so each rule's helpUri (absolute, as SARIF wants) opens its catalogue page. */
export function formatSarif(doc: PostureDocument, remediations: Map<string, string>, docsBase?: string): string {
  const rules = doc.checks.map((c) => ({
    id: c.id,
    name: c.id,
    shortDescription: { text: c.title },
    help: { text: remediations.get(c.id) ?? c.title },
    ...(docsBase ? { helpUri: new URL(checkDocsPath(c.id), docsBase).href } : {}),
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: { 'security-severity': SECURITY_SEVERITY[c.severity], area: c.area, tags: ['security', 'kubernetes', c.area] },
  }));
  const results = doc.findings.map((f) => {
    const name = `${f.resource.kind}/${f.resource.namespace ? f.resource.namespace + '/' : ''}${f.resource.name}`;
    return {
      ruleId: f.checkId,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ logicalLocations: [{ name, kind: 'resource', fullyQualifiedName: `${doc.cluster.name}/${name}` }] }],
      properties: { severity: f.severity, remediation: f.remediation },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'kube-posture', rules } }, results }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
