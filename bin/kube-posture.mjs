#!/usr/bin/env node
// The kube-posture command (`npx kube-posture scan …` in a clone). The package is used from its
// source, not published as built JS: this installs the dependencies on a fresh clone, then runs
// the TypeScript CLI through tsx. Nothing but the command's own result reaches stdout.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const deps = spawnSync(process.execPath, [path.join(root, '.ci', 'ensure-deps.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
if (deps.status !== 0) {
  process.stderr.write('kube-posture: could not install the dependencies (npm install in the repository)\n');
  process.exit(2);
}
// `kube-posture scan … | head`: a reader that stops early is no error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { register } = await import('tsx/esm/api');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { main } = await import(pathToFileURL(path.join(root, 'lib', 'cli', 'main.ts')).href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`kube-posture: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
}
