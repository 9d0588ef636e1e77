// Run by instrumentation.ts before the first request: stamps peer addresses, and stops the
// server with a reason when its authentication settings are wrong or unsafe.
import { sourceFromEnv } from '../../cluster/source';
import { authConfigFromEnv, AuthConfigError } from './config';
import { installPeerAddressHeader } from './peer';
import { bindHosts, checkStartup } from './startup';

export function startAuth(exit: (code: number) => never = process.exit): void {
  installPeerAddressHeader();
  let config;
  try {
    config = authConfigFromEnv();
  } catch (e) {
    console.error(`[auth] refusing to start: ${e instanceof AuthConfigError ? e.message : (e as Error).message}`);
    return exit(1);
  }
  const check = checkStartup(config, bindHosts());
  if (!check.ok) {
    console.error(`[auth] refusing to start: ${check.message}`);
    return exit(1);
  }
  if (config.mode === 'token' && sourceFromEnv().kind !== 'live') {
    console.error('[auth] refusing to start: AUTH_MODE=token verifies tokens with the cluster (TokenReview), but the dashboard reads no live cluster');
    return exit(1);
  }
  for (const w of check.warnings) console.warn(`[auth] ${w}`);
  console.log(`[auth] mode ${config.mode}`);
}
