import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, on purpose (it must run on any Node version).
import { nodeVersionProblem } from '../../../scripts/check-node.mjs';
import { repoRoot } from '../../helpers/cms.ts';

describe('Node version check', () => {
  it.each(['22.12.0', '22.23.3', 'v22.99.1'])('accepts %s', (version) => expect(nodeVersionProblem(version)).toBeUndefined());

  it.each(['20.20.2', '22.11.0', '24.1.0', '18.0.0'])('refuses %s in one line', (version) => {
    const problem = nodeVersionProblem(version) as string;
    expect(problem).toContain(`this is Node ${version}`);
    expect(problem).not.toContain('\n');
  });

  it('passes on the Node running the suite', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/check-node.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
