// Fixes show without a click: top risks show each risk's sentence and patch lines; one object's findings open.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { computePosture } from '@/lib/posture/engine';
import { inventoryOf, namespace, pod, restrictedSpec } from '@/lib/posture/test-inventory';
import { FindingsTable } from './FindingsTable';
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
    expect(html).toMatch(/<summary[^>]*><span class="font-medium text-slate-900">Pod dev\/debug breaks Pod Security Standards[^<]*<\/span> <span class="text-slate-500">— fails “Privileged container”<\/span>/);
  });
});
