// `npm audit --omit=dev`: exit 0 when no high/critical advisory affects the production
// dependencies, 1 when some do, 2 when the audit could not run (then nothing was assessed).
// Run: npx tsx .ci/audit-prod.ts
import { spawnSync } from 'node:child_process';
import { auditVerdict } from '../lib/ci/audit-verdict';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
const verdict = auditVerdict(run.stdout ?? '');
if (verdict.status === 'pass') {
  console.log(`npm audit --omit=dev: no high or critical advisories (${JSON.stringify(verdict.counts)})`);
  process.exit(0);
}
if (verdict.status === 'fail') {
  console.error(`npm audit --omit=dev: FAIL, ${verdict.text}. Details: npm audit --omit=dev`);
  process.exit(1);
}
console.error(`npm audit --omit=dev: NOT ASSESSED, ${verdict.text}. This is not a pass; run it where the registry answers advisory queries.`);
process.exit(2);
