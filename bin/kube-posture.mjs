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
const { register } = await import('tsx/esm/api');
register({ tsconfig: path.join(root, 'tsconfig.json') });
const { run } = await import(pathToFileURL(path.join(root, 'lib', 'cli', 'main.ts')).href);
await run(process.argv.slice(2));
