/**
 * `npm audit --omit=dev` for CI: a critical advisory in a production dependency fails, unless
 * audit-exceptions.json documents it (dated, with a review date) because no fixed version exists.
 * When the registry's advisory endpoint can't be reached, it says so in one line and doesn't fail:
 * that is the machine's network, not the project's dependencies.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@clermontech/config';
import { evaluateAudit, type AuditException, type AuditReport } from './audit/evaluate.ts';

const exceptions = JSON.parse(readFileSync(join(repoRoot, 'audit-exceptions.json'), 'utf8')) as AuditException[];
const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  cwd: repoRoot,
  encoding: 'utf8',
  maxBuffer: 50_000_000,
});
let report: AuditReport;
try {
  report = JSON.parse(result.stdout) as AuditReport;
} catch {
  report = {
    message: result.stderr.split('\n').find((line) => line.includes('error')) ?? 'unreadable npm audit output',
  };
}
const verdict = evaluateAudit(report, exceptions);
switch (verdict.kind) {
  case 'unavailable':
    console.warn(`npm audit: advisories unavailable here (${verdict.reason.split('\n')[0]}); nothing checked.`);
    break;
  case 'failed':
    console.error(`npm audit: ${verdict.findings.length} critical advisory(ies) without a documented exception:`);
    for (const finding of verdict.findings) console.error(`  ${finding}`);
    process.exitCode = 1;
    break;
  case 'passed':
    console.log(
      `npm audit: no critical advisory (${verdict.excepted.length} documented exception(s), ${verdict.lesser} lesser).`,
    );
    break;
}
