import { defineConfig } from 'vitest/config';

const root = new URL('..', import.meta.url).pathname;
/** Files that need a PostgreSQL server: included only where DATABASE_URL names one (CI does). */
const needsPostgres = ['importer/tests/integration/postgres.test.ts'];

export default defineConfig({
  test: {
    root,
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'importer/tests/unit/**/*.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Each file boots its own CMS on a temporary database: two at a time on these 2-core machines.
        test: {
          name: 'cms',
          root,
          include: [
            'tests/integration/cms/**/*.test.ts',
            'importer/tests/integration/**/*.test.ts',
            'tests/integration/security/**/*.test.ts',
            'tests/integration/ops/**/*.test.ts',
            'tests/integration/soak/**/*.test.ts',
          ],
          exclude: process.env.DATABASE_URL ? [] : needsPostgres,
          testTimeout: 120_000,
          hookTimeout: 240_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // These build the real site: Astro's caches are shared, so one file at a time.
        test: {
          name: 'site',
          root,
          include: [
            'tests/integration/site/**/*.test.ts',
            'tests/integration/docs/**/*.test.ts',
            'tests/integration/publisher/**/*.test.ts',
            'tests/e2e/**/*.test.ts',
            'tests/bench/**/*.test.ts',
          ],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
