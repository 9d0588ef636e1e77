// Fixes show without a click: the first top risk shows its sentence and patch lines (the rest their sentence); one object's findings open.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computePosture } from '@/lib/posture/engine';
import { inventoryOf, namespace, pod, restrictedSpec } from '@/lib/posture/test-inventory';
import { FindingsTable } from './FindingsTable';
import { topRisks } from '@/lib/posture/top-risks';
import { TopRisks } from './TopRisks';

const shell = { ...restrictedSpec.containers![0]!, name: 'shell', securityContext: { ...restrictedSpec.containers![0]!.securityContext, privileged: true } };
const findings = computePosture(inventoryOf([namespace('dev'), pod('dev', 'debug', { ...restrictedSpec, containers: [shell] })])).findings;

describe('TopRisks', () => {
  const html = renderToStaticMarkup(<TopRisks findings={findings.filter((f) => f.checkId === 'pod-security.pss.privileged')} />);
  // Everything before the expander is what shows without a click.
  const visible = html.slice(0, html.indexOf('<details'));

  it('shows the risk’s own fix and the first lines of its patch before the expander', () => {
    expect(visible).toContain('Set `securityContext.privileged: false` in container `shell`');
    const preview = /<pre aria-label="Fix preview"[^>]*>([\s\S]*?)<\/pre>/.exec(visible)?.[1];
    expect(preview).toBeDefined();
    expect(preview!.split('\n')[0]).toBe('spec:'); // starts at the body, past the kind/name header
    expect(preview).toContain('- name: shell');
    expect(preview).toContain('privileged: false');
  });

  it('headlines the message (what is wrong), not the check title (what is wanted)', () => {
    expect(/<p class="font-medium[^"]*">([^<]*)<\/p>/.exec(html)?.[1]).toContain('breaks Pod Security Standards');
    expect(visible).toContain('Fails “');
  });

  it('keeps the whole fix behind the expander', () => {
    expect(html.slice(html.indexOf('<details'))).toContain('apiVersion: v1');
  });
});

describe('TopRisks with a fix-first change', () => {
  const fix = {
    object: { kind: 'ClusterRoleBinding', namespace: null, name: 'ci-admin' },
    field: 'subjects',
    change: 'delete the binding (its only subject is ServiceAccount ci/deployer)',
    patch: "# ServiceAccount ci/deployer is the binding's only subject: delete it\n# kubectl delete clusterrolebinding ci-admin\nsubjects: []",
    removes: { 'cluster-admin': 31, node: 2 },
  };
  const html = renderToStaticMarkup(<TopRisks findings={topRisks(findings, 8, [fix])} />);
  const first = html.slice(html.indexOf('<li'), html.indexOf('</li>'));
  const visible = first.slice(0, first.indexOf('<details'));

  it('headlines the change and what it cuts, says which change it is, and shows its patch with the command', () => {
    expect(visible).toContain('Delete the binding (its only subject is ServiceAccount ci/deployer): cuts 31 attack paths to cluster-admin and 2 to nodes.');
    expect(visible).toContain('Fix first, change 1: field subjects');
    expect(visible).not.toContain('Fails “');
    const preview = /<pre aria-label="Fix preview"[^>]*>([\s\S]*?)<\/pre>/.exec(visible)?.[1];
    expect(preview).toContain('# kubectl delete clusterrolebinding ci-admin');
    expect(preview).toContain('subjects: []');
    expect(visible).not.toContain('Fix: </span>#');
  });

  it('keeps the patches after the first behind a disclosure each, the fix sentence still in view', () => {
    const items = html.split('<li').slice(2);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const shown = item.slice(0, item.indexOf('<details'));
      expect(shown).not.toContain('aria-label="Fix preview"');
      expect(shown).toContain('Fix: </span>Set `securityContext.privileged: false`');
      expect(item.slice(item.indexOf('<details'))).toMatch(
        /^<details[^>]*><summary[^>]*>Patch<span class="sr-only"> for Pod dev\/debug<\/span><\/summary>[\s\S]*privileged: false/,
      );
    }
  });
});

describe('FindingsTable', () => {
  it('opens every fix on one object’s page, and keeps them closed on a list of many objects', () => {
    const one = renderToStaticMarkup(<FindingsTable findings={findings.filter((f) => f.resource.name === 'debug')} caption="c" />);
    expect(one).toContain('<details open=""');
    expect(one).not.toMatch(/<details>/);
    const many = [...findings, { ...findings[0]!, resource: { ...findings[0]!.resource, name: 'other' } }];
    expect(renderToStaticMarkup(<FindingsTable findings={many} caption="c" />)).not.toContain('<details open');
  });

  it('headlines each finding by its message, then the check it fails', () => {
    const html = renderToStaticMarkup(<FindingsTable findings={findings.filter((f) => f.checkId === 'pod-security.pss.privileged')} caption="c" />);
    expect(html).toMatch(
      /<summary[^>]*><span class="font-medium text-slate-900">Pod dev\/debug breaks Pod Security Standards[^<]*<\/span> <span class="text-slate-500">— fails “Privileged container”<\/span>/,
    );
  });
});
