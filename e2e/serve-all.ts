// Playwright's one web server (playwright.config.ts): every worker's set of servers (e2e/ports.ts),
// all started at once. Playwright starts the web servers of its config one after another, and the
// sets would wait on each other's start; this answers on READY_PORT once every server answers.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { e2ePorts } from './ports';

const sets = Number(process.env.E2E_SETS ?? 1);
const readyPort = Number(process.env.READY_PORT);

/** The scripts of one set, each with the URL that answers once it serves. */
function serversOf(set: number) {
  const ports = e2ePorts(set);
  return [
    // Also listens on ports.control for e2e/control.ts (faults, objects).
    { script: 'serve-against-fake.ts', env: { PORT: ports.base, CONTROL_PORT: ports.control }, url: `http://127.0.0.1:${ports.base}/api/posture` },
    // The dashboard pointed at an API server that is not there (e2e/overview-error.spec.ts).
    { script: 'serve-unreachable.ts', env: { PORT: ports.gone }, url: `http://127.0.0.1:${ports.gone}/icon.svg` },
    // AUTH_MODE=token on ports.auth, AUTH_MODE=proxy on ports.auth + 1 (e2e/auth.spec.ts).
    { script: 'serve-auth.ts', env: { PORT: ports.auth }, url: `http://127.0.0.1:${ports.auth}/signin` },
  ];
}

const servers = Array.from({ length: sets }, (_, set) => serversOf(set)).flat();
const children: ChildProcess[] = servers.map(({ script, env }) =>
  spawn('node_modules/.bin/tsx', [`e2e/${script}`], {
    env: { ...process.env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) },
    stdio: 'inherit',
  }),
);

const stop = (code: number) => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(code);
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const [i, c] of children.entries())
  c.on('exit', (code) => {
    process.stderr.write(`${servers[i]!.script} (port ${servers[i]!.env.PORT}) exited with ${code}\n`);
    stop(code || 1);
  });

/** As Playwright reads a web server's url: any answer below 404 means it serves. */
async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { redirect: 'manual' })).status < 404;
  } catch {
    return false;
  }
}

await Promise.all(
  servers.map(async ({ url }) => {
    while (!(await answers(url))) await new Promise((r) => setTimeout(r, 250));
  }),
);
http.createServer((_, res) => res.writeHead(200).end('ready')).listen(readyPort, '127.0.0.1');
