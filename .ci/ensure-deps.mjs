// Installs npm dependencies when node_modules is missing or older than the lockfile, so
// `npm run demo` and `npm test` work on a fresh clone. npm's output goes to stderr: callers
// such as `npm run scan -- --format json` keep stdout for their own result.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  process.stderr.write('kube-posture: installing dependencies (npm install)…\n');
  // `npm install` honours the lockfile's versions; `npm ci` refuses lockfiles written where
  // the registry lists only this platform's optional binaries (tailwind, next/swc).
  execSync('npm install --no-audit --no-fund', { stdio: ['ignore', 2, 2] });
}
