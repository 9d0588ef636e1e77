import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExceptionsFile } from './exceptions-file';

const one = { checkId: 'pod-security.pss.privileged', scope: { type: 'namespace', namespace: 'apps' }, reason: 'lab', owner: 'team-web', expires: '2027-01-31' };

async function file(name: string, text: string): Promise<string> {
  const p = path.join(await mkdtemp(path.join(os.tmpdir(), 'kp-exc-file-')), name);
  await writeFile(p, text);
  return p;
}

describe('scan --exceptions FILE', () => {
  it('reads a YAML list, naming each entry and its creator after the file', async () => {
    const p = await file('e.yaml', '- checkId: pod-security.pss.privileged\n  scope: {type: selector, selector: "tier=edge"}\n  reason: lab\n  owner: web\n  expires: "2027-01-31"\n');
    expect(await readExceptionsFile(p)).toEqual([
      { id: 'file-1', checkId: 'pod-security.pss.privileged', scope: { type: 'selector', selector: 'tier=edge' }, reason: 'lab', owner: 'web', expires: '2027-01-31', createdBy: `file ${p}` },
    ]);
  });

  it('reads what GET /api/exceptions answers, keeping id and creator and dropping the store times', async () => {
    const stored = { ...one, id: '6f1c0d0e-0000-4000-8000-000000000001', createdBy: 'root@example.com', createdAt: '2026-12-02T10:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z' };
    const p = await file('api.json', JSON.stringify({ exceptions: [stored] }));
    const [e] = await readExceptionsFile(p);
    expect(e).toEqual({ ...one, id: stored.id, createdBy: 'root@example.com' });
  });

  it('refuses what the store would refuse, saying where', async () => {
    await expect(readExceptionsFile(await file('a.json', JSON.stringify([{ ...one, expires: '2027-02-30' }])))).rejects.toThrow(/0\.expires/);
    await expect(readExceptionsFile(await file('b.json', JSON.stringify([{ ...one, scope: { type: 'selector', selector: 'tier in (a,b)' } }])))).rejects.toThrow(/0\.scope/);
    await expect(readExceptionsFile(await file('c.json', JSON.stringify([{ ...one, clusterKey: 'x' }])))).rejects.toThrow(/clusterKey|Unrecognized/);
    await expect(readExceptionsFile(await file('d.yaml', 'checks: [: :'))).rejects.toThrow(/not YAML or JSON/);
  });
});
