// The audit webhook over mutual TLS: the API server's webhook backend can present a client
// certificate (client-certificate/client-key in its kubeconfig-format file) instead of a bearer
// token. Next.js' server cannot ask for one, so this is a listener of its own on
// POSTURE_AUDIT_TLS_PORT: the TLS handshake refuses a sender without a certificate from
// POSTURE_AUDIT_TLS_CLIENT_CA, then the certificate's names are checked against
// POSTURE_AUDIT_TLS_CLIENT_NAMES before any body is read. Batches go through the same receiver
// as the bearer route (caps, answer at once, retried batches counted once, the ring).
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { handleAuditBatch, type AuditIntake, type AuditReceiverConfig } from './audit-receiver';
import { AUDIT_WEBHOOK_PATH } from './audit-token';

export interface AuditTlsConfig {
  port: number;
  host: string | undefined;
  cert: string;
  key: string;
  clientCa: string;
  /** Common names, DNS or URI SANs a client certificate must carry one of; empty: any certificate the CA signed. */
  names: string[];
}

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** The listener's settings, or null when POSTURE_AUDIT_TLS_PORT is unset; a partial setting throws, naming what is missing. */
export function auditTlsConfig(env: Record<string, string | undefined> = process.env, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): AuditTlsConfig | null {
  if (!env.POSTURE_AUDIT_TLS_PORT) return null;
  const port = Number(env.POSTURE_AUDIT_TLS_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`POSTURE_AUDIT_TLS_PORT is not a port: ${env.POSTURE_AUDIT_TLS_PORT.slice(0, 20)}`);
  const missing = ['POSTURE_AUDIT_TLS_CERT', 'POSTURE_AUDIT_TLS_KEY', 'POSTURE_AUDIT_TLS_CLIENT_CA'].filter((k) => !env[k]);
  if (missing.length) throw new Error(`POSTURE_AUDIT_TLS_PORT needs ${missing.join(', ')} (files)`);
  return {
    port,
    host: env.POSTURE_AUDIT_TLS_HOST || undefined,
    cert: read(env.POSTURE_AUDIT_TLS_CERT!),
    key: read(env.POSTURE_AUDIT_TLS_KEY!),
    clientCa: read(env.POSTURE_AUDIT_TLS_CLIENT_CA!),
    names: (env.POSTURE_AUDIT_TLS_CLIENT_NAMES ?? '').split(',').map((n) => n.trim()).filter(Boolean),
  };
}

/** The certificate's common names, and its DNS and URI subject alternative names. */
export function certificateNames(cert: PeerCertificate): { cn: string[]; dns: string[]; uri: string[] } {
  const cn = cert.subject?.CN;
  const sans = (cert.subjectaltname ?? '').split(', ');
  // Node quotes a SAN holding a comma or quote ("DNS:\"a, b\""): such entries match nothing here.
  const of = (prefix: string) => sans.filter((s) => s.startsWith(prefix) && !s.includes('"')).map((s) => s.slice(prefix.length));
  return { cn: cn === undefined ? [] : Array.isArray(cn) ? cn : [cn], dns: of('DNS:'), uri: of('URI:') };
}

/** Whether a verified client certificate may send audit events: made for client authentication, and named as allowed. */
export function clientAllowed(cert: PeerCertificate, names: readonly string[]): boolean {
  const eku = (cert as PeerCertificate & { ext_key_usage?: string[] }).ext_key_usage;
  if (eku && !eku.includes(CLIENT_AUTH)) return false;
  if (names.length === 0) return true;
  const n = certificateNames(cert);
  return names.some((want) => n.cn.includes(want) || n.uri.includes(want) || n.dns.some((d) => d.toLowerCase() === want.toLowerCase()));
}

async function send(res: ServerResponse, r: Response) {
  const body = Buffer.from(await r.arrayBuffer());
  const headers: Record<string, string> = { 'Content-Length': String(body.length) };
  r.headers.forEach((v, k) => (headers[k] = v));
  // A refused request's body is not read: close the connection rather than drain it.
  if (r.status >= 400) headers.Connection = 'close';
  res.writeHead(r.status, headers).end(body);
}

/** The body, or null as soon as it passes `max` bytes (the rest is not read). */
function readLimited(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) return void chunks.push(c);
      req.pause();
      req.removeAllListeners('data');
      resolve(null);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

const refuse = (status: number, error: string) => Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

export async function serveAuditTlsRequest(req: IncomingMessage, res: ServerResponse, receiver: AuditReceiverConfig, names: readonly string[], intake: () => Promise<AuditIntake>): Promise<void> {
  try {
    const socket = req.socket as TLSSocket;
    // The handshake already refused a certificate the CA did not sign (rejectUnauthorized).
    if (!socket.authorized) return await send(res, refuse(401, 'the audit webhook needs a client certificate'));
    if (!clientAllowed(socket.getPeerCertificate(), names)) return await send(res, refuse(403, 'this client certificate may not send audit events'));
    if (new URL(req.url ?? '/', 'https://audit').pathname !== AUDIT_WEBHOOK_PATH) return await send(res, refuse(404, `audit batches go to ${AUDIT_WEBHOOK_PATH}`));
    if (req.method !== 'POST') return await send(res, refuse(405, 'audit batches are POSTed'));
    const tooBig = refuse(413, `the batch is larger than ${Math.round(receiver.maxBytes / 1024)} KiB (AUDIT_MAX_BYTES)`);
    if (Number(req.headers['content-length'] ?? 0) > receiver.maxBytes) return await send(res, tooBig);
    const body = await readLimited(req, receiver.maxBytes);
    if (!body) return await send(res, tooBig);
    const headers = new Headers();
    if (typeof req.headers['content-type'] === 'string') headers.set('content-type', req.headers['content-type']);
    const request = new Request(`https://audit${AUDIT_WEBHOOK_PATH}`, { method: 'POST', headers, body: new Uint8Array(body) });
    await send(res, await handleAuditBatch(request, receiver, await intake()));
  } catch (e) {
    console.error(`[audit] TLS listener: ${(e as Error).message}`);
    if (!res.headersSent) await send(res, refuse(500, 'the batch could not be taken'));
    else res.destroy();
  }
}

/** Opens the listener; resolves once it listens. */
export function startAuditTlsListener(cfg: AuditTlsConfig, receiver: AuditReceiverConfig, intake: () => Promise<AuditIntake>): Promise<https.Server> {
  const server = https.createServer(
    { cert: cfg.cert, key: cfg.key, ca: cfg.clientCa, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    (req, res) => void serveAuditTlsRequest(req, res, receiver, cfg.names, intake),
  );
  // A sender that trickles its headers or body is cut off rather than held.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port, cfg.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
