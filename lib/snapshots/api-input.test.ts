import { describe, expect, it } from 'vitest';
import { parseBody, readBodyLimited, shareInput, takeSnapshotInput } from './api-input';

const stream = (s: string) => new Response(s).body;

describe('snapshot API input', () => {
  it('takes an optional label and nothing else', () => {
    expect(parseBody(takeSnapshotInput, '')).toEqual({ ok: true, value: {} });
    expect(parseBody(takeSnapshotInput, '{"label":"before upgrade"}')).toEqual({ ok: true, value: { label: 'before upgrade' } });
    expect(parseBody(takeSnapshotInput, '{"label":5}')).toMatchObject({ ok: false, error: expect.stringContaining('label') });
    expect(parseBody(takeSnapshotInput, '{"lable":"x"}')).toMatchObject({ ok: false });
    expect(parseBody(takeSnapshotInput, `{"label":"${'x'.repeat(201)}"}`)).toMatchObject({ ok: false, error: expect.stringContaining('200') });
    expect(parseBody(takeSnapshotInput, '{')).toEqual({ ok: false, error: 'the body is not valid JSON' });
  });

  it('bounds share expiry and defaults it', () => {
    expect(parseBody(shareInput, '{}')).toEqual({ ok: true, value: { expiresInHours: 72, redact: false } });
    expect(parseBody(shareInput, '{"expiresInHours":24,"redact":true}')).toEqual({ ok: true, value: { expiresInHours: 24, redact: true } });
    expect(parseBody(shareInput, '{"expiresInHours":0}')).toMatchObject({ ok: false });
    expect(parseBody(shareInput, '{"expiresInHours":100000}')).toMatchObject({ ok: false });
    expect(parseBody(shareInput, '{"redact":"yes"}')).toMatchObject({ ok: false });
  });

  it('reads a body up to a limit and no further', async () => {
    expect(await readBodyLimited(stream('hello'), 5)).toBe('hello');
    expect(await readBodyLimited(stream('hello!'), 5)).toBeNull();
    expect(await readBodyLimited(null, 5)).toBe('');
  });
});
