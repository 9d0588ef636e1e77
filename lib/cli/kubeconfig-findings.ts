// What is wrong with a kubeconfig, from its parsed content and facts about the files it names
// (gathered by check-kubeconfig.ts, which does the I/O). Messages name fields, contexts and
// paths, never a credential's value.
import type { Severity } from '../posture/types';
import { inRanges, semverOf } from '../posture/data/version';
import { KUBECTL_CVES } from '../posture/data/kubectl-cves';
import { worst } from '../posture/checks/host-security/support/nodes';

export interface KubeconfigFinding {
  rule: string;
  severity: Severity;
  /** The kubeconfig entry (cluster/NAME, user/NAME) or file the finding is about. */
  where: string;
  message: string;
}

/** A file's owner and permission bits, as stat gives them. */
export interface FileFacts {
  mode: number;
  uid: number;
}

export interface ExecFacts {
  /** The program as the kubeconfig names it, and where it resolves (null: not found). */
  command: string;
  resolved: string | null;
  file: FileFacts | null;
  dir: FileFacts | null;
}

export interface KubeconfigFacts {
  path: string;
  file: FileFacts;
  /** The parsed document (anything: a kubeconfig is user input). */
  config: unknown;
  /** Each exec plugin's program, keyed by user name. */
  exec: Record<string, ExecFacts>;
  /** Our own uid, so files owned by someone else stand out. */
  uid: number;
}

export const RULES: Record<string, { title: string; remediation: string }> = {
  'kubeconfig.insecure-skip-tls-verify': {
    title: 'Cluster certificate checks are on',
    remediation: 'Remove `insecure-skip-tls-verify: true` and set `certificate-authority-data` (or `certificate-authority`) to the cluster\'s CA.',
  },
  'kubeconfig.plain-http-server': { title: 'The API server is reached over TLS', remediation: 'Use the cluster\'s https:// address.' },
  'kubeconfig.inline-credential': {
    title: 'No credentials are written into the kubeconfig',
    remediation:
      'Use short-lived credentials from an exec plugin (aws eks get-token, gke-gcloud-auth-plugin, kubelogin) instead of tokens, passwords or client keys written into the file; or keep the key in its own file (`client-key`, `tokenFile`) readable by you alone.',
  },
  'kubeconfig.file-permissions': {
    title: 'The kubeconfig is readable and writable by its owner alone',
    remediation: 'chmod 600 the kubeconfig (and any key or token file it names).',
  },
  'kubeconfig.exec-plugin-writable': {
    title: 'Credential plugins cannot be replaced by other users',
    remediation: 'Install the exec plugin where only root (or you) can write: the program and its directory must not be group- or world-writable.',
  },
  'kubeconfig.kubectl-known-cves': { title: 'The local kubectl has no known vulnerabilities', remediation: 'Upgrade kubectl (https://kubernetes.io/docs/tasks/tools/).' },
};

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(obj) : []);
const present = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

// Fields that hold a credential's value in the file itself (client-go's AuthInfo, and the old
// auth-provider plugins' cached tokens).
const INLINE = ['token', 'password', 'client-key-data'] as const;
const AUTH_PROVIDER_INLINE = ['access-token', 'id-token', 'refresh-token', 'client-secret'] as const;

export function kubeconfigFindings(f: KubeconfigFacts): KubeconfigFinding[] {
  const out: KubeconfigFinding[] = [];
  const cfg = obj(f.config);
  for (const c of list(cfg.clusters)) {
    const name = String(c.name ?? '?');
    const cluster = obj(c.cluster);
    if (cluster['insecure-skip-tls-verify'] === true) {
      out.push({ rule: 'kubeconfig.insecure-skip-tls-verify', severity: 'high', where: `cluster/${name}`, message: 'insecure-skip-tls-verify: true: kubectl accepts any certificate, so anyone on the path can impersonate the API server and take the credentials sent to it' });
    }
    if (typeof cluster.server === 'string' && /^http:\/\//i.test(cluster.server.trim())) {
      out.push({ rule: 'kubeconfig.plain-http-server', severity: 'high', where: `cluster/${name}`, message: 'the server address is plain http://: credentials and data cross the network unencrypted' });
    }
  }
  let credentials = 0;
  for (const u of list(cfg.users)) {
    const name = String(u.name ?? '?');
    const user = obj(u.user);
    const inline = [...INLINE.filter((k) => present(user[k])), ...AUTH_PROVIDER_INLINE.filter((k) => present(obj(obj(user['auth-provider']).config)[k])).map((k) => `auth-provider.config.${k}`)];
    credentials += inline.length;
    if (inline.length > 0) {
      out.push({ rule: 'kubeconfig.inline-credential', severity: 'medium', where: `user/${name}`, message: `${inline.join(', ')} written into the file: whoever reads it (backups, dotfile repositories, support bundles) holds the credential` });
    }
    const exec = f.exec[name];
    if (exec) out.push(...execFindings(name, exec, f.uid));
  }
  const readable = f.file.mode & 0o044;
  const writable = f.file.mode & 0o022;
  if (writable) {
    out.push({ rule: 'kubeconfig.file-permissions', severity: 'high', where: f.path, message: `mode ${octal(f.file.mode)}: other users can rewrite it (point a context at their server or add an exec plugin that runs as you)` });
  } else if (readable) {
    out.push({
      rule: 'kubeconfig.file-permissions',
      severity: credentials > 0 ? 'high' : 'low',
      where: f.path,
      message: `mode ${octal(f.file.mode)}: readable by ${f.file.mode & 0o004 ? 'every user' : 'its group'}${credentials > 0 ? ', and it holds credentials' : ''}`,
    });
  }
  return out;
}

function execFindings(user: string, e: ExecFacts, uid: number): KubeconfigFinding[] {
  if (!e.resolved) return [];
  const why: string[] = [];
  if (e.file && e.file.mode & 0o022) why.push(`the program ${e.resolved} is writable by ${e.file.mode & 0o002 ? 'every user' : 'its group'}`);
  if (e.dir && e.dir.mode & 0o022 && !(e.dir.mode & 0o1000)) why.push(`its directory is writable by ${e.dir.mode & 0o002 ? 'every user' : 'its group'}`);
  if (e.file && e.file.uid !== 0 && e.file.uid !== uid) why.push(`the program belongs to another user (uid ${e.file.uid})`);
  if (why.length === 0) return [];
  return [
    { rule: 'kubeconfig.exec-plugin-writable', severity: 'high', where: `user/${user}`, message: `exec plugin ${e.command}: ${why.join('; ')}; whoever replaces it runs code as you each time kubectl asks for credentials` },
  ];
}

/** The local kubectl judged against the kubectl CVE table. */
export function kubectlFindings(version: string | null): KubeconfigFinding[] {
  if (!version || !semverOf(version)) return [];
  const hits = KUBECTL_CVES.filter((r) => inRanges(version, r.ranges));
  if (hits.length === 0) return [];
  const severity = worst(hits.map((h) => h.severity));
  return [{ rule: 'kubeconfig.kubectl-known-cves', severity, where: 'kubectl', message: `kubectl ${version} is affected by ${hits.map((h) => `${h.cve} (${h.summary})`).join(', ')}` }];
}
