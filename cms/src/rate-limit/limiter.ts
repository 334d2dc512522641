import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { sendError } from '../http/error-body';

/** The table every limit counts in, in the CMS's own database, so that all CMS instances share the counts. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** Where the counts are kept: the CMS's database, as Strapi opened it. */
export interface CountStore {
  knex: Core.Strapi['db']['connection'];
  client: 'postgres' | 'sqlite';
  /** PostgreSQL's schema of Strapi's tables (DATABASE_SCHEMA). */
  schema?: string | undefined;
}

/** The store of the running CMS. */
export function cmsCountStore(strapi: Core.Strapi): CountStore {
  return {
    knex: strapi.db.connection,
    client: strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite',
    schema: strapi.db.getSchemaName(),
  };
}

/**
 * Forgets every count: a boot starts every window afresh, as when the counts were kept in memory
 * (an administrator who locked themselves out restarts the CMS).
 */
export async function forgetRateLimits({ knex, schema }: CountStore): Promise<void> {
  const schemaBuilder = schema ? knex.schema.withSchema(schema) : knex.schema;
  if (!(await schemaBuilder.hasTable(RATE_LIMIT_TABLE))) return;
  await (schema ? knex(RATE_LIMIT_TABLE).withSchema(schema) : knex(RATE_LIMIT_TABLE)).del();
}

/** What a limit says about one client. */
export interface Budget {
  /** True once the client spent its budget in the current window. */
  exhausted: boolean;
  /** Seconds until the window ends (0 when nothing was counted). */
  retryAfterSeconds: number;
}

const budgetOf = (result: RateLimiterRes | null, max: number): Budget => ({
  exhausted: result !== null && result.consumedPoints >= max,
  retryAfterSeconds: result ? Math.ceil(result.msBeforeNext / 1000) : 0,
});

function openLimiter(
  store: CountStore,
  keyPrefix: string,
  points: number,
  duration: number,
): Promise<RateLimiterAbstract> {
  const options = {
    storeClient: store.knex,
    storeType: 'knex',
    tableName: RATE_LIMIT_TABLE,
    keyPrefix,
    points,
    duration,
    clearExpiredByTimeout: true,
    // The database busy or gone for a moment: each instance counts alone meanwhile, rather than let everyone in or nobody.
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
  };
  return new Promise((resolve, reject) => {
    // The library calls back once its table exists, from inside its constructor when it need not wait.
    const ready = (error?: Error) => (error ? reject(error) : queueMicrotask(() => resolve(limiter)));
    const limiter: RateLimiterAbstract =
      store.client === 'postgres'
        ? new RateLimiterPostgres({ ...options, schemaName: store.schema }, ready)
        : new RateLimiterSQLite(options, ready);
  });
}

/**
 * At most `max` events per client key (see clientKey) in fixed windows of `windowSeconds`,
 * counted by rate-limiter-flexible in the CMS's database. Expired counts are deleted by the
 * library, so the table holds only the clients of the last hour or so.
 */
export class RateLimit {
  private limiter: Promise<RateLimiterAbstract> | undefined;

  constructor(
    /** The store, asked for at the first event: Strapi opens its database after the middlewares are made. */
    private readonly store: () => CountStore,
    /** Tells this limit's counts from the others' in the shared table. */
    private readonly name: string,
    private readonly max: number,
    private readonly windowSeconds: number,
  ) {}

  private open(): Promise<RateLimiterAbstract> {
    this.limiter ??= openLimiter(this.store(), this.name, this.max, this.windowSeconds);
    return this.limiter;
  }

  /** Counts one event of `key` unless its budget is already spent, and says which. */
  async spend(key: string): Promise<Budget> {
    const limiter = await this.open();
    try {
      const counted = await limiter.consume(key);
      return { exhausted: false, retryAfterSeconds: Math.ceil(counted.msBeforeNext / 1000) };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes)
        return { exhausted: true, retryAfterSeconds: Math.ceil(refusal.msBeforeNext / 1000) };
      throw refusal;
    }
  }

  /** Where `key` stands, without counting anything. */
  async check(key: string): Promise<Budget> {
    return budgetOf(await (await this.open()).get(key), this.max);
  }

  /** Counts one event of `key` (a failure), whatever its budget. */
  async count(key: string): Promise<void> {
    await (await this.open()).penalty(key);
  }
}

/** Answers 429 with Strapi's error shape and a Retry-After header. */
export function refuseTooMany(ctx: Context, retryAfterSeconds: number, message: string): void {
  ctx.set('Retry-After', String(retryAfterSeconds));
  sendError(ctx, 429, message);
}
