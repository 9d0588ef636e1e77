// Whether the server may start with the configured mode: AUTH_MODE=none on an address other
// machines can reach would hand a map of the cluster's weak points to anyone on the network.
import type { AuthConfig } from './config';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']);

export function isLoopbackHost(host: string | null | undefined): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase();
  return LOOPBACK.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * The addresses the server listens on: the real listening sockets when we can see them,
 * else what the command line (`next start -H`) or HOSTNAME (standalone server.js) asked for.
 * null host means every interface.
 */
export function bindHosts(
  argv: readonly string[] = process.argv,
  env: Record<string, string | undefined> = process.env,
  listening: string[] | null = listeningAddresses(),
): (string | null)[] {
  if (listening && listening.length) return listening;
  const i = argv.findIndex((a) => a === '-H' || a === '--hostname');
  if (i >= 0) return [argv[i + 1] ?? null];
  const eq = argv.find((a) => a.startsWith('--hostname='));
  if (eq) return [eq.slice('--hostname='.length)];
  // Only the standalone server reads HOSTNAME; `next start` without -H listens everywhere.
  const standalone = argv.some((a) => /(^|\/)server\.js$/.test(a));
  return [standalone ? (env.HOSTNAME ?? null) : null];
}

/** The TCP addresses this process listens on (Node's handle list), or null if unavailable. */
function listeningAddresses(): string[] | null {
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.();
  if (!handles) return null;
  const out: string[] = [];
  for (const h of handles) {
    const server = h as { listening?: boolean; address?: () => unknown };
    if (!server.listening || typeof server.address !== 'function') continue;
    const a = server.address() as { address?: string } | string | null;
    if (a && typeof a === 'object' && typeof a.address === 'string') out.push(a.address);
  }
  return out;
}

export type StartupCheck = { ok: true; warnings: string[] } | { ok: false; message: string };

export function checkStartup(config: AuthConfig, hosts: (string | null)[]): StartupCheck {
  const warnings: string[] = [];
  if (config.mode === 'none') {
    const exposed = hosts.filter((h) => !isLoopbackHost(h));
    if (exposed.length && !config.allowNoneOnNetwork) {
      const where = exposed.map((h) => h ?? 'all interfaces').join(', ');
      return {
        ok: false,
        message:
          `AUTH_MODE=none but the server listens on ${where}: anyone who can reach it would see every weakness of the cluster. ` +
          'Listen on loopback (next start -H 127.0.0.1, or HOSTNAME=127.0.0.1 for the standalone server), ' +
          'choose AUTH_MODE=proxy or AUTH_MODE=token, or set AUTH_ALLOW_NONE_ON_NETWORK=1 if something in front already authenticates every request.',
      };
    }
    if (exposed.length) warnings.push('AUTH_MODE=none on a network address (AUTH_ALLOW_NONE_ON_NETWORK=1): every viewer sees everything');
  }
  if (config.mode === 'token' && config.session.ephemeral) {
    warnings.push(
      'AUTH_SESSION_SECRET is not set: sessions are signed with a random key and end when the server restarts (and are not shared between replicas)',
    );
  }
  if (config.mode === 'proxy' && config.proxy.trustedCidrs.length === 0) {
    warnings.push('AUTH_MODE=proxy trusts requests by AUTH_PROXY_SECRET alone: make sure the proxy strips that header from what clients send');
  }
  return { ok: true, warnings };
}
