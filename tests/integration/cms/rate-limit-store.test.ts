import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetRateLimits, RateLimit, type CountStore } from '../../../cms/src/rate-limit/limiter.ts';
import { createTemporaryDatabase, databases } from '../../helpers/postgres.ts';
import { waitFor } from '../../helpers/wait.ts';

const MAX = 3;

/**
 * Two CMS instances are two processes, each with its own connection pool to the same database:
 * here, two knex handles on one database, one limit object on each.
 */
describe.each(databases)('rate limits kept in the database (%s)', (database) => {
  const handles: Knex[] = [];
  let cleanUp: () => Promise<void> = async () => undefined;
  let first: CountStore;
  let second: CountStore;

  beforeAll(async () => {
    let open: () => Knex;
    if (database === 'postgres') {
      const temporary = await createTemporaryDatabase();
      open = () => knex({ client: 'pg', connection: temporary.url, pool: { min: 0, max: 2 } });
      cleanUp = temporary.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'rate-limit-'));
      open = () =>
        knex({ client: 'better-sqlite3', connection: { filename: join(dir, 'data.db') }, useNullAsDefault: true });
      cleanUp = async () => rmSync(dir, { recursive: true, force: true });
    }
    handles.push(open(), open());
    const client = database === 'postgres' ? 'postgres' : 'sqlite';
    first = { knex: handles[0]!, client };
    second = { knex: handles[1]!, client };
  });
  afterAll(async () => {
    await Promise.all(handles.map((handle) => handle.destroy()));
    await cleanUp();
  });

  it('refuses on one instance the client whose budget was spent on the other', async () => {
    const onFirst = new RateLimit(() => first, 'shared', MAX, 60);
    const onSecond = new RateLimit(() => second, 'shared', MAX, 60);
    for (let i = 0; i < MAX; i += 1)
      expect((await (i % 2 ? onSecond : onFirst).spend('203.0.113.7')).exhausted).toBe(false);
    const refused = await onSecond.spend('203.0.113.7');
    expect(refused.exhausted).toBe(true);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await onFirst.spend('198.51.100.1')).exhausted).toBe(false);
  });

  it('counts failures without refusing, and tells a spent budget without counting', async () => {
    const onFirst = new RateLimit(() => first, 'failures', MAX, 60);
    const onSecond = new RateLimit(() => second, 'failures', MAX, 60);
    for (let i = 0; i < MAX; i += 1) {
      expect((await onSecond.check('2001:db8::/64')).exhausted).toBe(false);
      await onFirst.count('2001:db8::/64');
    }
    expect((await onSecond.check('2001:db8::/64')).exhausted).toBe(true);
    expect((await onSecond.check('2001:db8:1::/64')).exhausted).toBe(false);
  });

  it('keeps the count of a client that keeps coming while many others arrive', async () => {
    const limit = new RateLimit(() => first, 'flood', MAX, 60);
    for (let i = 0; i < MAX; i += 1) await limit.spend('attacker');
    for (let i = 0; i < 500; i += 1) await limit.spend(`filler-${i}`);
    expect((await limit.spend('attacker')).exhausted).toBe(true);
  });

  it('gives a new budget once the window ends', async () => {
    const limit = new RateLimit(() => first, 'window', MAX, 1);
    for (let i = 0; i < MAX; i += 1) await limit.spend('victim');
    expect((await limit.check('victim')).exhausted).toBe(true);
    await waitFor('the end of a one-second window', async () => !(await limit.check('victim')).exhausted, {
      timeoutMs: 5_000,
    });
    expect((await limit.spend('victim')).exhausted).toBe(false);
  });

  it('forgets every count at boot', async () => {
    const limit = new RateLimit(() => second, 'boot', MAX, 60);
    for (let i = 0; i < MAX; i += 1) await limit.spend('admin');
    expect((await limit.check('admin')).exhausted).toBe(true);
    await forgetRateLimits(first);
    expect((await limit.check('admin')).exhausted).toBe(false);
  });
});
