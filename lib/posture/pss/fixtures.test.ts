// Conformance: the evaluator must agree with every Pod fixture Pod Security Admission tests
// itself with (kubernetes/pod-security-admission test/testdata, copied to shared/psa-testdata).
// PSA_TESTDATA names another copy. Without the fixtures the test is skipped with a notice, except
// in CI (CI=true), where their absence fails it: conformance is never passed by default.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CONTROLS } from './controls/index';
import { appliesAt, evaluatePod } from './evaluate';
import type { ControlId, PssLevel } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = path.resolve(repoRoot, process.env.PSA_TESTDATA || '../shared/psa-testdata');
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const SKIP = !existsSync(FIXTURES) && !IN_CI;
if (SKIP) {
  console.warn(
    `PSA conformance fixtures not found at ${FIXTURES}: test skipped. Get them from the test/testdata folder of ` +
      'kubernetes/pod-security-admission and set PSA_TESTDATA to that folder (README, "Two commands").',
  );
}
const MIN_FILES = 4000;

interface VersionDir {
  level: PssLevel;
  minor: number;
  dir: string;
}

function versionDirs(): VersionDir[] {
  if (!existsSync(FIXTURES)) return [];
  return (['baseline', 'restricted'] as const).flatMap((level) => {
    const levelDir = path.join(FIXTURES, level);
    if (!existsSync(levelDir)) return [];
    return readdirSync(levelDir)
      .map((v) => /^v1\.(\d+)$/.exec(v))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ level, minor: Number(m[1]), dir: path.join(levelDir, m[0]) }))
      .sort((a, b) => a.minor - b.minor);
  });
}

function yamlFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
}

/** "hostports1.yaml" → hostPorts; "capabilities_restricted1.yaml" → capabilities_restricted. */
function controlNamedBy(file: string): ControlId | undefined {
  const stem = file.replace(/\d*\.yaml$/, '');
  return CONTROLS.find((c) => c.id.toLowerCase() === stem)?.id;
}

/** At restricted level a fixture for an overridden baseline control is caught by the control that overrides it. */
function acceptedControls(id: ControlId, level: PssLevel, minor: number): ControlId[] {
  const overriding = CONTROLS.filter((c) => level === 'restricted' && c.overrides === id && appliesAt(c, minor));
  return [id, ...overriding.map((c) => c.id)];
}

const dirs = versionDirs();
const tally: Record<string, { pass: number; fail: number }> = {};

describe.skipIf(SKIP)('PSA conformance fixtures', () => {
  it(`finds at least ${MIN_FILES} fixtures in ${FIXTURES}`, () => {
    const total = dirs.reduce((n, d) => n + yamlFiles(path.join(d.dir, 'pass')).length + yamlFiles(path.join(d.dir, 'fail')).length, 0);
    expect(existsSync(FIXTURES), `fixture folder ${FIXTURES} is missing`).toBe(true);
    expect(total).toBeGreaterThanOrEqual(MIN_FILES);
  });

  for (const { level, minor, dir } of dirs) {
    it(`${level} v1.${minor}`, () => {
      const problems: string[] = [];
      const counts = (tally[level] ??= { pass: 0, fail: 0 });
      for (const expected of ['pass', 'fail'] as const) {
        for (const file of yamlFiles(path.join(dir, expected))) {
          const rel = `${level}/v1.${minor}/${expected}/${file}`;
          const pod = parse(readFileSync(path.join(dir, expected, file), 'utf8'));
          const violations = evaluatePod(level, minor, { annotations: pod?.metadata?.annotations, spec: pod?.spec });
          const got = violations.map((v) => v.control);
          counts[expected] += 1;
          if (expected === 'pass' && violations.length) problems.push(`${rel}: expected allowed, got ${got.join(', ')}`);
          if (expected === 'fail') {
            if (!violations.length) problems.push(`${rel}: expected a violation, got none`);
            const named = controlNamedBy(file);
            if (named && violations.length && !acceptedControls(named, level, minor).some((c) => got.includes(c))) {
              problems.push(`${rel}: expected ${named} among the violations, got ${got.join(', ')}`);
            }
          }
        }
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  afterAll(() => {
    const lines = Object.entries(tally).map(([level, c]) => `${level}: ${c.pass} pass + ${c.fail} fail files checked`);
    if (lines.length) console.info(`PSA fixtures — ${lines.join('; ')}`);
  });
});
