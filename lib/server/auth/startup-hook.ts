// Run by instrumentation.ts before the first request is served: stops the server with a reason
// when its authentication settings are wrong or unsafe, then puts the request boundary
// (lib/server/boundary) in front of every request.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sourceFromEnv } from '../../cluster/source';
import { AllowedHostsError, hostPolicy } from '../boundary/host';
import { installRequestBoundary } from '../boundary/request-boundary';
import { boundaryState } from '../boundary/state';
import { authConfigFromEnv, AuthConfigError } from './config';
import { bindHosts, checkStartup } from './startup';

export const PRELOAD = './lib/server/boundary/preload.mjs';

export async function startAuth(exit: (code: number) => never = process.exit): Promise<void> {
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
  let hosts;
  try {
    // The names asked for (-H, HOSTNAME) and the addresses actually bound.
    hosts = hostPolicy(config.mode, process.env.ALLOWED_HOSTS, [...bindHosts(process.argv, process.env, null), ...bindHosts()]);
  } catch (e) {
    console.error(`[boundary] refusing to start: ${e instanceof AllowedHostsError ? e.message : (e as Error).message}`);
    return exit(1);
  }
  let state = boundaryState();
  if (!state?.preloaded) {
    // Without the preload, requests that arrived before this point were read unchecked; in proxy
    // mode they would have been believed (a forged peer address was not yet overwritten).
    if (config.mode === 'proxy') {
      console.error(
        `[boundary] refusing to start: AUTH_MODE=proxy needs the request boundary loaded before the server (node --import ${PRELOAD} …; npm start and the image do this)`,
      );
      return exit(1);
    }
    console.warn(`[boundary] started without node --import ${PRELOAD}: requests before this point were not checked`);
    await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(path.resolve(PRELOAD)).href);
    state = boundaryState()!;
  }
  installRequestBoundary(state, config, hosts);
  for (const w of check.warnings) console.warn(`[auth] ${w}`);
  console.log(`[auth] mode ${config.mode}`);
}
