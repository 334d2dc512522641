import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, on purpose (it must run on any Node version).
import { nodeVersionProblem } from '../../../scripts/check-node.mjs';
import { repoRoot } from '../../helpers/cms.ts';

describe('Node version check', () => {
  it.each(['22.12.0', '22.23.3', 'v22.99.1', '24.0.0', '24.22.3', '26.0.0', 'v26.12.1'])('accepts %s', (version) =>
    expect(nodeVersionProblem(version)).toBeUndefined(),
  );

  it.each(['20.20.2', '22.11.0', '23.11.0', '25.2.1', '27.0.0', '18.0.0'])(
    'refuses %s in one line naming the supported lines',
    (version) => {
      const problem = nodeVersionProblem(version) as string;
      expect(problem).toContain(`this is Node ${version}`);
      expect(problem).toMatch(/Node 26 LTS, 24 or 22 \(22\.12 or later\)/);
      expect(problem).not.toContain('\n');
    },
  );

  it('passes on the Node running the suite', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/check-node.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('refuses Node 20, the system Node of these machines, in one line', () => {
    const node20 = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
    if (node20.status !== 0 || !node20.stdout.startsWith('v20.'))
      return expect.fail('/usr/bin/node is not Node 20 here');
    const result = spawnSync('/usr/bin/node', [join(repoRoot, 'scripts/check-node.mjs')], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Node 26 LTS, 24 or 22/);
  });
});
