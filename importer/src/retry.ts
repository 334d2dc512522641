import { setTimeout as delay } from 'node:timers/promises';

/** True for SQLite's "the other process holds the lock" errors, worth retrying when the CMS runs beside the import. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  return code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || /database is locked|SQLITE_BUSY/i.test(message);
}

/** Runs `work` again (up to `attempts` times, backing off) while the database is busy. */
export async function withRetry<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isBusyError(error) || attempt >= attempts) throw error;
      await delay(100 * 2 ** attempt);
    }
  }
}
