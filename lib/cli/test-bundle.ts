// For tests that run the CLI many times: the CLI bundled once by esbuild, as tsx compiles it file by
// file for bin/kube-posture.mjs. Loading the TypeScript through tsx was half of each run's CPU.
// It runs the same lib/cli/main.ts run() as the binary; tests of the binary itself still spawn bin.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');

/** Builds the bundle; `file` is run with `node file scan …`, `remove` deletes it. */
export async function bundleCli(): Promise<{ file: string; remove: () => Promise<void> }> {
  // Under node_modules, so that its packages resolve as the source's do; import.meta.dirname as in lib/cli.
  const cache = path.join(root, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'kp-cli-test-'));
  const file = path.join(dir, 'kube-posture.mjs');
  await build({
    stdin: { contents: "import { run } from './main'; await run(process.argv.slice(2));", resolveDir: path.join(root, 'lib/cli'), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Chunks, so that what the CLI imports only when needed (client-node, for a live cluster) loads only then, as in bin.
    splitting: true,
    entryNames: 'kube-posture',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    define: { 'import.meta.dirname': JSON.stringify(path.join(root, 'lib/cli')) },
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}
