import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostureBase, PostureLink, queryOf, withBase } from './PostureLink';

describe('PostureLink', () => {
  it('keeps live links as they are', () => {
    expect(withBase('', '/findings?severity=high')).toBe('/findings?severity=high');
    expect(renderToStaticMarkup(<PostureLink href="/areas/rbac">RBAC</PostureLink>)).toContain('href="/areas/rbac"');
  });
  it('keeps links inside a snapshot under its base', () => {
    expect(withBase('/share/tok', '/')).toBe('/share/tok');
    expect(withBase('/share/tok', '/findings?area=rbac')).toBe('/share/tok/findings?area=rbac');
    expect(withBase('/share/tok', '/?x=1')).toBe('/share/tok?x=1');
    expect(withBase('/share/tok', '#not-assessed')).toBe('#not-assessed');
    expect(withBase('/share/tok', '//evil.example/')).toBe('//evil.example/');
    const html = renderToStaticMarkup(
      <PostureBase base="/snapshots/1">
        <PostureLink href="/findings">All</PostureLink>
      </PostureBase>,
    );
    expect(html).toContain('href="/snapshots/1/findings"');
  });

  it('puts only the filled fields of a filter form in the URL', () => {
    const form = new FormData();
    for (const [k, v] of [
      ['area', ''],
      ['severity', 'high'],
      ['namespace', ''],
      ['q', 'a b&c'],
      ['sort', 'severity'],
    ] as const)
      form.append(k, v);
    expect(queryOf(form)).toBe('?severity=high&q=a+b%26c&sort=severity');
    const empty = new FormData();
    empty.append('area', '');
    expect(queryOf(empty)).toBe('');
  });
});
