import { describe, expect, it } from 'vitest';
import { jsonDocumentResponse } from './posture-json';

const req = (headers: Record<string, string> = {}) => new Request('http://dash/api/posture', { headers });

describe('the posture document as a response', () => {
  it('is the document as JSON, with the route’s headers and an ETag', async () => {
    const doc = { cluster: { name: 'a<b>' }, findings: [{ id: 1 }] };
    const res = jsonDocumentResponse(doc, req(), { 'Cache-Control': 'no-store' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(await res.json()).toEqual(doc);
  });

  it('serializes a document once: later requests get the bytes of the first', async () => {
    const doc: { n: number } = { n: 1 };
    await jsonDocumentResponse(doc, req(), {}).text();
    doc.n = 2; // documents are never changed in place; a new scan is a new object
    expect(await jsonDocumentResponse(doc, req(), {}).json()).toEqual({ n: 1 });
    expect(await jsonDocumentResponse({ n: 2 }, req(), {}).json()).toEqual({ n: 2 });
  });

  it('sends the serialized bytes themselves, not a copy per answer', async () => {
    const doc = { big: 'x'.repeat(10_000) };
    const chunkOf = async () => (await jsonDocumentResponse(doc, req(), {}).body!.getReader().read()).value!;
    const [a, b] = [await chunkOf(), await chunkOf()];
    expect(Buffer.from(a).toString()).toBe(JSON.stringify(doc));
    expect(a.buffer).toBe(b.buffer); // one buffer for every answer of this document
  });

  it('answers 304 without a body when the client already has this version, 200 when it has another', async () => {
    const doc = { a: 1 };
    const etag = jsonDocumentResponse(doc, req(), {}).headers.get('etag')!;
    const same = jsonDocumentResponse(doc, req({ 'If-None-Match': `"other", ${etag}` }), {});
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(jsonDocumentResponse({ a: 2 }, req({ 'If-None-Match': etag }), {}).status).toBe(200);
  });
});
