// Reads the final stage of the Dockerfile (WORKDIR, ENV, COPY --from, USER, CMD) so a test can
// run what the image runs, with the image's own command and environment.
import { readFileSync } from 'node:fs';

export interface FinalStage {
  workdir: string;
  env: Record<string, string>;
  /** COPY --from=<stage> lines: source path in that stage, destination (relative to workdir or absolute). */
  copies: { from: string; src: string; dest: string }[];
  user: { uid: number; gid: number } | null;
  cmd: string[];
}

export function parseFinalStage(dockerfile: string): FinalStage {
  // Join continuation lines, drop comments and blank lines.
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const lastFrom = lines.map((l) => /^FROM\s/i.test(l)).lastIndexOf(true);
  if (lastFrom < 0) throw new Error('Dockerfile has no FROM');
  const stage: FinalStage = { workdir: '/', env: {}, copies: [], user: null, cmd: [] };
  for (const line of lines.slice(lastFrom + 1)) {
    const [, instr = '', rest = ''] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    switch (instr.toUpperCase()) {
      case 'WORKDIR':
        stage.workdir = rest;
        break;
      case 'ENV':
        for (const m of rest.matchAll(/(\w+)=("[^"]*"|\S*)/g)) stage.env[m[1]!] = m[2]!.replace(/^"|"$/g, '');
        break;
      case 'COPY': {
        const words = rest.split(/\s+/);
        const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
        const paths = words.filter((w) => !w.startsWith('--'));
        if (!from || paths.length !== 2) throw new Error(`unsupported COPY in the final stage: ${line}`);
        stage.copies.push({ from, src: paths[0]!, dest: paths[1]! });
        break;
      }
      case 'USER': {
        const m = /^(\d+)(?::(\d+))?$/.exec(rest);
        if (!m) throw new Error(`USER must be numeric (runAsNonRoot cannot verify a name): ${rest}`);
        stage.user = { uid: Number(m[1]), gid: Number(m[2] ?? m[1]) };
        break;
      }
      case 'CMD':
        stage.cmd = JSON.parse(rest) as string[];
        break;
    }
  }
  return stage;
}

export function readFinalStage(file = 'Dockerfile'): FinalStage {
  return parseFinalStage(readFileSync(file, 'utf8'));
}
