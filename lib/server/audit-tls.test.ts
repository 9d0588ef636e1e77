// The audit webhook over mutual TLS, with real certificates and a real TLS listener: the API
// server's webhook backend posts EventList batches with its client certificate.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, SOON_AFTER_EVENTS } from '../posture/audit/test-events';
import { AuditIntake, type AuditReceiverConfig } from './audit-receiver';
import { auditTlsConfig, startAuditTlsListener } from './audit-tls';

const PORT = Number(process.env.AUDIT_TLS_TEST_PORT ?? 4520);
const DAY = 86_400_000;
const common = { keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notBeforeDate: new Date(Date.now() - DAY), notAfterDate: new Date(Date.now() + 30 * DAY) } as const;

interface Pem {
  cert: string;
  key: string;
}

async function authority(cn: string): Promise<Pem> {
  const ca = await generate([{ name: 'commonName', value: cn }], {
    ...common,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: ca.cert, key: ca.private };
}

async function leaf(ca: Pem, cn: string, use: 'client' | 'server', dns: string[] = []): Promise<Pem> {
  const altNames = use === 'server' ? [{ type: 7 as const, ip: '127.0.0.1' }] : dns.map((value) => ({ type: 2 as const, value }));
  const c = await generate([{ name: 'commonName', value: cn }], {
    ...common,
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', ...(use === 'server' ? { serverAuth: true } : { clientAuth: true }) },
      ...(altNames.length ? [{ name: 'subjectAltName' as const, altNames }] : []),
    ],
  });
  return { cert: c.cert, key: c.private };
}

const receiver: AuditReceiverConfig = { token: null, maxBytes: 64 * 1024, maxBatch: 400, queueLimit: 10_000, retentionHours: 24 };
const exec = (i: number) => auditEvent({ verb: 'create', resource: 'pods', namespace: 'shop', name: `web-${i}`, subresource: 'exec', auditID: `tls-${i}` });
const eventList = (n: number, from = 0) => JSON.stringify({ kind: 'EventList', apiVersion: 'audit.k8s.io/v1', metadata: {}, items: Array.from({ length: n }, (_, i) => exec(from + i)) });

interface Answer {
  status: number;
  body: string;
}

/** A POST as kube-apiserver's webhook backend makes it: its kubeconfig's client certificate, verifying our server certificate against our CA. */
function post(serverCa: string, client: Pem | null, body: string, path = '/api/audit/webhook', port = PORT): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path, method: 'POST', ca: serverCa, ...(client ? { cert: client.cert, key: client.key } : {}), headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A refusal in the handshake (TLS 1.3 reports it on the first read) or an HTTP status; the batch is never taken either way. */
async function refusedWith(p: Promise<Answer>): Promise<number | 'handshake'> {
  try {
    return (await p).status;
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code ?? (e as Error).message).toMatch(/ECONNRESET|EPIPE|certificate|alert|socket hang up/i);
    return 'handshake';
  }
}

describe('the audit webhook over mutual TLS', () => {
  let serverCa: Pem;
  let clientCa: Pem;
  let otherCa: Pem;
  let apiServer: Pem;
  let intake: AuditIntake;
  let server: https.Server;
  beforeAll(async () => {
    [serverCa, clientCa, otherCa] = await Promise.all([authority('kube-posture-ca'), authority('audit-client-ca'), authority('someone-else-ca')]);
    const serving = await leaf(serverCa, 'kube-posture', 'server');
    apiServer = await leaf(clientCa, 'kube-apiserver-audit', 'client', ['audit.control-plane.example']);
    intake = new AuditIntake(24, () => {}, SOON_AFTER_EVENTS);
    const files: Record<string, string> = { cert: serving.cert, key: serving.key, ca: clientCa.cert };
    const cfg = auditTlsConfig(
      { POSTURE_AUDIT_TLS_PORT: String(PORT), POSTURE_AUDIT_TLS_HOST: '127.0.0.1', POSTURE_AUDIT_TLS_CERT: 'cert', POSTURE_AUDIT_TLS_KEY: 'key', POSTURE_AUDIT_TLS_CLIENT_CA: 'ca', POSTURE_AUDIT_TLS_CLIENT_NAMES: 'kube-apiserver-audit' },
      (f) => files[f]!,
    )!;
    server = await startAuditTlsListener(cfg, receiver, async () => intake);
  }, 60_000);
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
  });

  it('takes a batch from the API server’s client certificate, answers at once, and counts a retried batch once', async () => {
    const first = await post(serverCa.cert, apiServer, eventList(30));
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ accepted: 30, skipped: 0 });
    expect((await post(serverCa.cert, apiServer, eventList(30))).status).toBe(200);
    await intake.settled();
    expect(intake.data().events).toBe(30);
    expect(intake.ring.at(-1)?.auditID).toBe('tls-29');
  });

  it('refuses no certificate, one from another CA, one for another name or made for servers, before taking any event', async () => {
    const stranger = await leaf(otherCa, 'kube-apiserver-audit', 'client');
    const wrongName = await leaf(clientCa, 'alice', 'client', ['alice.example']);
    const serverUse = await leaf(clientCa, 'kube-apiserver-audit', 'server');
    const before = intake.data().events;
    expect(await refusedWith(post(serverCa.cert, null, eventList(1, 100)))).toBe('handshake');
    expect(await refusedWith(post(serverCa.cert, stranger, eventList(1, 101)))).toBe('handshake');
    expect(await refusedWith(post(serverCa.cert, wrongName, eventList(1, 102)))).toBe(403);
    // A certificate made for serving, not for clients: OpenSSL's purpose check refuses it in the handshake (clientAllowed checks again).
    expect(await refusedWith(post(serverCa.cert, serverUse, eventList(1, 103)))).toBe('handshake');
    await intake.settled();
    expect(intake.data().events).toBe(before);
  });

  it('refuses an oversized body and an oversized batch with 413, and other paths', async () => {
    const before = intake.data().events;
    const big = eventList(200, 200);
    expect(Buffer.byteLength(big)).toBeGreaterThan(receiver.maxBytes);
    expect((await post(serverCa.cert, apiServer, big)).status).toBe(413);
    const many = JSON.stringify({ kind: 'EventList', items: Array.from({ length: 401 }, () => ({ kind: 'Event' })) });
    expect((await post(serverCa.cert, apiServer, many)).status).toBe(413);
    expect((await post(serverCa.cert, apiServer, eventList(1, 500), '/api/posture')).status).toBe(404);
    await intake.settled();
    expect(intake.data().events).toBe(before);
  });

  it('without names, takes any client certificate its CA signed; a partial setting is refused at start', async () => {
    const files = (f: string) => f;
    expect(() => auditTlsConfig({ POSTURE_AUDIT_TLS_PORT: '4521', POSTURE_AUDIT_TLS_CERT: 'c' }, files)).toThrow('POSTURE_AUDIT_TLS_KEY, POSTURE_AUDIT_TLS_CLIENT_CA');
    expect(() => auditTlsConfig({ POSTURE_AUDIT_TLS_PORT: 'https' }, files)).toThrow('not a port');
    expect(auditTlsConfig({}, files)).toBeNull();
    const serving = await leaf(serverCa, 'kube-posture', 'server');
    const anyName = await startAuditTlsListener({ port: PORT + 1, host: '127.0.0.1', cert: serving.cert, key: serving.key, clientCa: clientCa.cert, names: [] }, receiver, async () => intake);
    try {
      const alice = await leaf(clientCa, 'alice', 'client');
      expect((await post(serverCa.cert, alice, eventList(1, 600), undefined, PORT + 1)).status).toBe(200);
    } finally {
      anyName.closeAllConnections();
      await new Promise((r) => anyName.close(r));
    }
  });
});
