// What makes an environment variable look like a credential: its name, or the shape of its value.
// Used by secret-in-environment.ts, which never repeats the value: these return only a label.

/**
 * Names that announce a credential. Matched on the name split into words (FOO_BAR, foo-bar,
 * fooBar), so MONKEY or KEYBOARD_LAYOUT do not match KEY. Sources for the list: Polaris
 * sensitiveContainerEnvVar (password, token, bearer, secret, AWS_SECRET_ACCESS_KEY, AZURE_*KEY,
 * OCI_CLI_KEY_CONTENT) and Kubescape C-0012's sensitiveKeyNames (key, secret, password, pwd,
 * token, jwt, bearer, credential).
 */
const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'bearer', 'jwt', 'credential', 'credentials', 'apikey', 'key']);

/** Name endings that say the value is where a secret lives, or about it, not the secret itself. */
const REFERENCE_WORDS = new Set(['file', 'path', 'dir', 'name', 'ref', 'url', 'uri', 'id', 'ttl', 'timeout', 'expiry', 'expiration', 'header', 'type', 'length', 'enabled', 'prefix', 'size', 'format', 'algorithm', 'version']);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The word that makes `name` look secret, or null. ACCESS_KEY_ID is an id, not a key: the last word decides. */
export function secretName(name: string): string | null {
  const w = words(name);
  if (w.length === 0 || REFERENCE_WORDS.has(w.at(-1)!)) return null;
  return w.find((x) => SECRET_WORDS.has(x)) ?? null;
}

/**
 * Well-known credential formats (as published by the issuers and used by secret scanners such as
 * gitleaks). Each has a label; the matched text is never returned. Values come from the cluster,
 * so every pattern is linear: no unbounded repeat is followed by something that can fail after it.
 */
const VALUE_PATTERNS: { label: string; pattern: RegExp }[] = [
  { label: 'a private key', pattern: /BEGIN[ \t]{1,4}(?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY/i },
  { label: 'an AWS access key ID', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/ },
  { label: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/ },
  { label: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { label: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/ },
  { label: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { label: 'a Stripe secret key', pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { label: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,1024}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8}/ },
];

/** Longest prefix of a value scanned for formats: a PEM private key is a few KiB; a hostile value may be megabytes. */
const SCANNED_CHARS = 16 * 1024;

export function secretValueKind(value: string): string | null {
  const head = value.length > SCANNED_CHARS ? value.slice(0, SCANNED_CHARS) : value;
  return VALUE_PATTERNS.find((p) => p.pattern.test(head))?.label ?? null;
}

/**
 * Values that cannot be the secret itself even under a secret-looking name: a file path
 * (Kubescape's is_not_file_path), a reference to another variable, a boolean or a number.
 */
export function notASecretValue(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(\/|\.\/|~\/)/.test(v) || /^(\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(v) || /^(true|false|yes|no)$/i.test(v) || /^\d+$/.test(v);
}
