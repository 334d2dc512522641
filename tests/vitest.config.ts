import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // Integration files each boot a real CMS (and sometimes build the site): give them room, and
    // run two files at a time at most on these 2-core machines.
    testTimeout: 120_000,
    hookTimeout: 240_000,
    maxWorkers: 2,
    fileParallelism: true,
    reporters: ['default'],
  },
});
