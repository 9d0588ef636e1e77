import { describe, expect, it } from 'vitest';
import type { K8sObject, PodSpec } from '../../../cluster/types';
import { computePosture } from '../../engine';
import { deployment, inventoryOf, pod } from '../../test-inventory';
import { run as runCheck } from '../test-support';
import secretInEnvironment from './secret-in-environment';
import { secretName, secretValueKind } from './support/secret-patterns';

type Env = { name: string; value?: string; valueFrom?: unknown }[];
const withEnv = (env: Env, name = 'app'): PodSpec => ({ containers: [{ name, image: 'nginx', env } as never] });
const run = (objects: K8sObject[]) => runCheck(secretInEnvironment, objects);

// Values made for these tests; AKIAIOSFODNN7EXAMPLE is AWS's documented example key id.
const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const PASSWORD = 'hunter2-Zq9';
const GITHUB = 'ghp_' + 'a1B2c3D4e5'.repeat(4);

describe('authn-authz.secret-in-environment', () => {
  it('flags a credential-named variable with a literal value, naming the container and variable only', () => {
    const [f] = run([deployment('shop', 'api', withEnv([{ name: 'DB_PASSWORD', value: PASSWORD }, { name: 'LOG_LEVEL', value: 'info' }]))]);
    expect(f).toMatchObject({ severity: 'medium', resource: { name: 'api' } });
    expect(f!.message).toContain('container app: DB_PASSWORD is named like a credential');
    expect(f!.message).not.toContain('LOG_LEVEL');
  });

  it('flags values in a known credential format whatever the name, as high', () => {
    const [f] = run([pod('shop', 'p', withEnv([{ name: 'UPLOAD_ID', value: AWS_KEY_ID }, { name: 'GH', value: GITHUB }, { name: 'CERT', value: '-----BEGIN RSA PRIVATE KEY-----\nMIIE…' }], 'sidecar'))]);
    expect(f!.severity).toBe('high');
    expect(f!.message).toContain('UPLOAD_ID holds what looks like an AWS access key ID');
    expect(f!.message).toContain('GH holds what looks like a GitHub token');
    expect(f!.message).toContain('CERT holds what looks like a private key');
  });

  it('never copies a value into the finding, its remediation, or the posture document', () => {
    const objects = [deployment('shop', 'api', withEnv([{ name: 'DB_PASSWORD', value: PASSWORD }, { name: 'X', value: AWS_KEY_ID }, { name: 'Y', value: GITHUB }]))];
    const doc = JSON.stringify(computePosture(inventoryOf(objects), { checks: [secretInEnvironment] }));
    expect(doc).toContain('DB_PASSWORD');
    for (const secret of [PASSWORD, AWS_KEY_ID, GITHUB, 'hunter2', 'AKIA']) expect(doc).not.toContain(secret);
    expect(secretInEnvironment.remediation).not.toContain(PASSWORD);
  });

  it('passes references to Secrets, file paths, variable references, booleans and numbers', () => {
    const env: Env = [
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'API_TOKEN', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } },
      { name: 'GOOGLE_APPLICATION_CREDENTIALS', value: '/var/run/secrets/gcp/key.json' },
      { name: 'PASSWORD', value: '$(DB_PASSWORD)' },
      { name: 'TOKEN_REFRESH', value: 'true' },
      { name: 'SECRET_NAME', value: 'db-credentials' },
      { name: 'AWS_ACCESS_KEY_ID_FILE', value: 'creds' },
      { name: 'TOKEN_TTL', value: '3600' },
      { name: 'MONKEY', value: 'banana' },
    ];
    expect(run([pod('shop', 'p', withEnv(env))])).toEqual([]);
  });

  it('reads init containers too', () => {
    const spec: PodSpec = { initContainers: [{ name: 'migrate', image: 'x', env: [{ name: 'ADMIN_PASSWORD', value: 'pw-1' }] } as never], containers: [{ name: 'app', image: 'x' }] };
    expect(run([pod('shop', 'p', spec)])[0]!.message).toContain('container migrate: ADMIN_PASSWORD');
  });
});

describe('secretName', () => {
  it.each([
    ['DB_PASSWORD', 'password'],
    ['my_password', 'password'],
    ['dbPassword', 'password'],
    ['AWS_SECRET_ACCESS_KEY', 'secret'],
    ['AZURE_BATCH_KEY', 'key'],
    ['OCI_CLI_KEY_CONTENT', 'key'],
    ['API_KEY', 'key'],
    ['GITHUB_TOKEN', 'token'],
    ['AWS_ACCESS_KEY_ID', null],
    ['SSH_KEY_PATH', null],
    ['KEYBOARD', null],
    ['CACHE_KEY_PREFIX', null],
  ])('%s -> %s', (name, word) => {
    expect(secretName(name)).toBe(word);
  });
});

// Other tools' fixtures, so our verdicts can be compared with theirs. Copied from
// FairwindsOps/polaris test/checks/sensitiveContainerEnvVar/ and kubescape/regolibrary
// rules/rule-credentials-in-env-var/test/ (Apache-2.0); only the env lists matter here.
describe('agrees with Polaris sensitiveContainerEnvVar and Kubescape C-0012 fixtures', () => {
  const fixtures: { source: string; env: Env; fails: string[] }[] = [
    { source: 'polaris failure.key_password', env: [{ name: 'user_name', value: 'postgres' }, { name: 'my_password', value: 'abc123' }], fails: ['my_password'] },
    { source: 'polaris failure.key_aws_secret_access_key', env: [{ name: 'password', value: 'abc123' }, { name: 'AWS_SECRET_ACCESS_KEY', value: 'xxx' }], fails: ['password', 'AWS_SECRET_ACCESS_KEY'] },
    { source: 'polaris failure.key_azure_batch_key', env: [{ name: 'password', value: 'abc123' }, { name: 'AZURE_BATCH_KEY', value: 'xxx' }], fails: ['password', 'AZURE_BATCH_KEY'] },
    { source: 'polaris failure.key_oci_cli_key_content', env: [{ name: 'password', value: 'abc123' }, { name: 'OCI_CLI_KEY_CONTENT', value: 'xxx' }], fails: ['password', 'OCI_CLI_KEY_CONTENT'] },
    {
      source: 'polaris failure.value_private_key',
      env: [{ name: 'user_name', value: 'postgres' }, { name: 'the_good_stuff', value: '---BEGIN OPENSSH PRIVATE KEY---\nxxxxx\n---END  OPENSSH PRIVATE KEY---\n' }],
      fails: ['the_good_stuff'],
    },
    { source: 'polaris success.valid_env_vars', env: [{ name: 'greeting', value: 'hello' }], fails: [] },
    { source: 'polaris success.sensitive_key_uses_valueFrom', env: [{ name: 'token', valueFrom: { secretKeyRef: { key: 'token', name: 'a-secret' } } }], fails: [] },
    { source: 'kubescape pod-sensitive-key-name', env: [{ name: 'DB_PASSWORD', value: 'hunter2' }], fails: ['DB_PASSWORD'] },
    {
      source: 'kubescape pod-sensitive-key-regression',
      env: [{ name: 'LOG_LEVEL', value: 'info' }, { name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'PORT', value: '8080' }],
      fails: ['DB_PASSWORD'],
    },
    // kubescape pod-allowed-values-keys, container test-container2: a file path under a secret-looking name passes.
    { source: 'kubescape pod-allowed-values-keys (container 2, first two)', env: [{ name: 'random', value: 'Hello from the environment' }, { name: 'AWS_TOKEN_FILE', value: '/etc/secret-volume/aws' }], fails: [] },
    // kubescape env-value-akia-key: sensitiveValues ["AKIA[0-9A-Z]{16}"].
    { source: 'kubescape env-value-akia-key', env: [{ name: 'S3_UPLOADER', value: AWS_KEY_ID }], fails: ['S3_UPLOADER'] },
  ];

  it.each(fixtures.map((f) => [f.source, f] as const))('%s', (_source, { env, fails }) => {
    const out = run([pod('t', 'test-pod', withEnv(env))]);
    const flagged = env.filter((e) => out.some((f) => f.message.includes(` ${e.name} `))).map((e) => e.name);
    expect(flagged).toEqual(fails);
  });

  // Where we differ on purpose: Kubescape's pod-allowed-values-keys fails `some-name: my_key_value`
  // because its value contains "_key_" (a sensitiveValues substring). A value that merely contains
  // the word "key" is not a credential, and flagging it would train people to ignore the check.
  it('does not flag a value that merely contains "_key_" (Kubescape does)', () => {
    expect(run([pod('t', 'audit-pod', withEnv([{ name: 'some-name', value: 'my_key_value' }]))])).toEqual([]);
  });
});

describe('secret value formats', () => {
  it.each([
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE', 'a private key'],
    ['-----BEGIN PRIVATE KEY-----', 'a private key'],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----', 'a private key'],
    ['---BEGIN OPENSSH PRIVATE KEY---', 'a private key'],
    ['xoxb-' + '1234567890-abcdefghij', 'a Slack token'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'a JSON Web Token'],
    ['a public key: -----BEGIN PUBLIC KEY-----', null],
    ['eyJ' + '-'.repeat(50_000), null],
  ])('%#', (value, label) => {
    expect(secretValueKind(value)).toBe(label);
  });

  it('scans only the head of a huge value', () => {
    expect(secretValueKind('x'.repeat(20_000) + AWS_KEY_ID)).toBeNull();
    expect(secretValueKind('x '.repeat(100) + AWS_KEY_ID)).toBe('an AWS access key ID');
  });
});
