import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Remediation, splitRemediation } from './Remediation';

describe('remediation text', () => {
  it('splits prose from fenced YAML', () => {
    const parts = splitRemediation('Set the field:\n```yaml\nspec:\n  automountServiceAccountToken: false\n```\nThen roll out.');
    expect(parts).toEqual([
      { kind: 'text', value: 'Set the field:' },
      { kind: 'yaml', value: 'spec:\n  automountServiceAccountToken: false' },
      { kind: 'text', value: 'Then roll out.' },
    ]);
  });

  it('keeps plain prose as one part', () => {
    expect(splitRemediation('Drop the binding.')).toEqual([{ kind: 'text', value: 'Drop the binding.' }]);
  });

  it('renders YAML in a pre block and escapes markup', () => {
    const html = renderToStaticMarkup(<Remediation text={'Use <b>this</b>:\n```yaml\nname: "<script>x</script>"\n```'} />);
    expect(html).toContain('<pre');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
  });
});
