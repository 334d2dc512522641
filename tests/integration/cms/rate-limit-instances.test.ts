import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { databases } from '../../helpers/postgres.ts';

const MAX = 3;

const failedLogin = (cms: RunningCms, email: string) =>
  cms.fetch('/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'wrong-password' }),
  });

/** What makes a second instance of the same CMS: its secrets and database, on its own port. */
function sameCms(first: RunningCms): Record<string, string> {
  const { CMS_PORT: _port, CMS_URL: _url, CLERMONTECH_ENV_FILE: _envFile, ...shared } = first.env;
  return shared;
}

describe.each(databases)('rate limits shared by two CMS instances on one database (%s)', (database) => {
  let first: RunningCms;
  let second: RunningCms;
  beforeAll(async () => {
    first = await startCms({ database, seedDemo: false, env: { AUTH_RATE_LIMIT_MAX: String(MAX) } });
    second = await startCms({ database, seedDemo: false, env: sameCms(first) });
  });
  afterAll(async () => {
    await second?.destroy();
    await first?.destroy();
  });

  it('refuses on one instance the sign-in failures spent on the other', async () => {
    for (let i = 0; i < MAX; i += 1)
      expect((await failedLogin(i % 2 ? second : first, `personne${i}@example.org`)).status).not.toBe(429);
    const refused = await failedLogin(second, 'encore@example.org');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await failedLogin(first, 'encore@example.org')).status).toBe(429);
  });
});
