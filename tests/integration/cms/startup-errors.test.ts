import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSecret, SECRET_NAMES } from '@clermontech/config';
import { repoRoot } from '../../helpers/cms.ts';

function startCmsProcess(env: Record<string, string>) {
  const workDir = mkdtempSync(join(tmpdir(), 'clermontech-refused-'));
  const result = spawnSync(process.execPath, [join(repoRoot, 'cms/scripts/run.mts'), 'start'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CLERMONTECH_ENV_FILE: join(workDir, '.env'),
      DATABASE_FILENAME: join(workDir, 'db'),
      CMS_PORT: '1',
      ...env,
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

const secrets = () => Object.fromEntries(SECRET_NAMES.map((name) => [name, generateSecret(name)]));

describe('starting the CMS with a bad environment', () => {
  it('refuses a production start with a placeholder secret, in one line naming it', () => {
    const { status, stderr } = startCmsProcess({
      ...secrets(),
      NODE_ENV: 'production',
      APP_KEYS: 'toBeModified1,toBeModified2',
    });
    expect(status).toBe(1);
    expect(stderr).toBe('Secret APP_KEYS is a placeholder; set a random value (openssl rand -base64 32)');
  });

  it('refuses a production start with a missing secret, naming it', () => {
    const env: Record<string, string> = { ...secrets(), NODE_ENV: 'production' };
    delete env.ENCRYPTION_KEY;
    const { status, stderr } = startCmsProcess(env);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Missing secret ENCRYPTION_KEY: [^\n]+$/);
  });

  it('names a malformed variable', () => {
    const { status, stderr } = startCmsProcess({ ...secrets(), CMS_PORT: 'douze' });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Invalid environment variable CMS_PORT: [^\n]+$/);
  });
});
