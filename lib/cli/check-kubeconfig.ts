// kube-posture --check-kubeconfig [FILE]: the local side of management tools. Reads the
// kubeconfig (FILE, else each file in KUBECONFIG, else ~/.kube/config), stats it and the exec
// plugins it names, asks the local kubectl its version, and prints what is wrong. Never prints a
// credential: findings name fields, not values.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { severityRank } from '../posture/scoring';
import { SEVERITIES, type Severity } from '../posture/types';
import { kubeconfigFindings, kubectlFindings, RULES, type ExecFacts, type FileFacts, type KubeconfigFinding } from './kubeconfig-findings';

export const CHECK_KUBECONFIG_USAGE = `usage: kube-posture --check-kubeconfig [FILE] [OPTIONS]

Checks a kubeconfig (FILE, else the files in KUBECONFIG, else ~/.kube/config) and the local kubectl:
insecure-skip-tls-verify, plain-http servers, tokens, passwords and keys written into the file, who
else can read or write it, exec plugins others can replace, and kubectl's known CVEs.
Credential values are never printed.

OPTIONS
  --format table|json|sarif   output on stdout (default table)
  --fail-on SEVERITY          exit 1 if a finding is at this severity or worse (${SEVERITIES.join(', ')})
Exit codes: 0 done, 1 --fail-on matched, 2 bad input.`;

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

const run = promisify(execFile);

export async function checkKubeconfig(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const fail = (m: string) => (io.stderr.write(`kube-posture: ${m}\n`), 2);
  let file: string | undefined;
  let format = 'table';
  let failOn: Severity | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check-kubeconfig') {
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) file = argv[++i];
    } else if (a === '--format' || a.startsWith('--format=')) format = a.includes('=') ? a.slice(9) : (argv[++i] ?? '');
    else if (a === '--fail-on' || a.startsWith('--fail-on=')) failOn = (a.includes('=') ? a.slice(10) : (argv[++i] ?? '')) as Severity;
    else if (a === '--help' || a === '-h') return (io.stdout.write(CHECK_KUBECONFIG_USAGE + '\n'), 0);
    else return fail(`unknown option ${a}\n${CHECK_KUBECONFIG_USAGE}`);
  }
  if (!['table', 'json', 'sarif'].includes(format)) return fail(`unknown --format ${format} (json, table or sarif)`);
  if (failOn !== undefined && !SEVERITIES.includes(failOn)) return fail(`unknown --fail-on ${failOn} (${SEVERITIES.join(', ')})`);

  const files = file ? [file] : (io.env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  if (files.length === 0) files.push(path.join(io.env.HOME || os.homedir(), '.kube', 'config'));
  const findings: KubeconfigFinding[] = [];
  for (const f of files) {
    try {
      findings.push(...(await checkFile(f, io.env)));
    } catch (e) {
      return fail(`cannot check ${f}: ${(e as Error).message}`);
    }
  }
  const version = await kubectlVersion(io.env);
  findings.push(...kubectlFindings(version));
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));

  io.stdout.write(format === 'json' ? JSON.stringify({ files, kubectl: version, findings }, null, 2) + '\n' : format === 'sarif' ? sarif(findings) : table(files, version, findings));
  if (failOn) {
    const hits = findings.filter((f) => severityRank(f.severity) <= severityRank(failOn)).length;
    if (hits > 0) return (io.stderr.write(`kube-posture: ${hits} finding(s) at ${failOn} or above\n`), 1);
  }
  return 0;
}

async function facts(p: string): Promise<FileFacts | null> {
  try {
    const s = await stat(p);
    return { mode: s.mode, uid: s.uid };
  } catch {
    return null;
  }
}

async function checkFile(file: string, env: Io['env']): Promise<KubeconfigFinding[]> {
  const text = await readFile(file, 'utf8');
  const st = (await facts(file))!;
  let config: unknown;
  try {
    config = parse(text);
  } catch {
    // The parser's message can quote the file's text, credentials included.
    throw new Error('not valid YAML');
  }
  const exec: Record<string, ExecFacts> = {};
  const users = (config as { users?: unknown })?.users;
  for (const u of Array.isArray(users) ? users : []) {
    const command = (u as { user?: { exec?: { command?: unknown } } })?.user?.exec?.command;
    if (typeof command !== 'string' || command === '') continue;
    const resolved = await resolveProgram(command, path.dirname(path.resolve(file)), env.PATH ?? '');
    exec[String((u as { name?: unknown }).name ?? '?')] = {
      command,
      resolved,
      file: resolved ? await facts(resolved) : null,
      dir: resolved ? await facts(path.dirname(resolved)) : null,
    };
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  return kubeconfigFindings({ path: file, file: st, config, exec, uid });
}

/** Where client-go finds an exec plugin: an absolute path; a relative one from the kubeconfig's folder; a bare name on PATH. */
async function resolveProgram(command: string, kubeconfigDir: string, PATH: string): Promise<string | null> {
  const candidates = path.isAbsolute(command)
    ? [command]
    : command.includes('/')
      ? [path.join(kubeconfigDir, command)]
      : PATH.split(path.delimiter).filter(Boolean).map((d) => path.join(d, command));
  for (const c of candidates) {
    try {
      await access(c, constants.X_OK);
      return c;
    } catch {
      // not here
    }
  }
  return null;
}

/** The local kubectl's version (`kubectl version --client -o json`), or null without one. */
async function kubectlVersion(env: Io['env']): Promise<string | null> {
  try {
    const { stdout } = await run('kubectl', ['version', '--client', '-o', 'json'], { env: { ...process.env, PATH: env.PATH ?? '', HOME: env.HOME ?? '', KUBECONFIG: '' }, timeout: 10_000 });
    const v = (JSON.parse(stdout) as { clientVersion?: { gitVersion?: unknown } }).clientVersion?.gitVersion;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

function table(files: string[], version: string | null, findings: KubeconfigFinding[]): string {
  const lines = [`kube-posture  kubeconfig ${files.join(', ')}  kubectl ${version ?? 'not found'}`, ''];
  if (findings.length === 0) lines.push('no findings');
  for (const f of findings) lines.push(`${f.severity.toUpperCase().padEnd(9)}${f.where}: ${f.message} [${f.rule}]`);
  const rules = [...new Set(findings.map((f) => f.rule))];
  if (rules.length) lines.push('', 'HOW TO FIX', ...rules.map((r) => `  ${r}: ${RULES[r]!.remediation}`));
  return lines.join('\n') + '\n';
}

const LEVEL: Record<Severity, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'none' };

function sarif(findings: KubeconfigFinding[]): string {
  const rules = Object.entries(RULES).map(([id, r]) => ({ id, shortDescription: { text: r.title }, help: { text: r.remediation } }));
  const results = findings.map((f) => ({ ruleId: f.rule, level: LEVEL[f.severity], message: { text: `${f.where}: ${f.message}` }, locations: [{ logicalLocations: [{ name: f.where }] }] }));
  return JSON.stringify({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [{ tool: { driver: { name: 'kube-posture', rules } }, results }] }, null, 2) + '\n';
}
