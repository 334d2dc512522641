/**
 * The CMS as a library, for a program that writes content in bulk outside any request (the Jekyll
 * importer): the package's one entry for other parts (`@clermontech/cms/load`). It builds the CMS if
 * its sources changed, boots Strapi without its HTTP server, on the database the environment names,
 * and hands over the document service with what a bulk writer must do around it.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Core } from '@strapi/strapi';
import { buildIfNeeded } from './build.mts';

const cmsRoot = resolve(import.meta.dirname, '..');
const distDir = join(cmsRoot, 'dist');
const require = createRequire(import.meta.url);

/** cms/src/bulk-writes.ts, as built into dist/. */
interface BulkWrites {
  muteWebhooks(strapi: Core.Strapi): Promise<() => Promise<void>>;
  markDemoContentSkipped(strapi: Core.Strapi): Promise<void>;
}

export interface LoadedCms {
  strapi: Core.Strapi;
  /**
   * Stops this process's webhooks (one per entry written would rebuild the public site hundreds of
   * times); the function returned tells the publisher once.
   */
  muteWebhooks(): Promise<() => Promise<void>>;
  /** Says the database holds real content: the demo content is not seeded into it at the next boot. */
  markDemoContentSkipped(): Promise<void>;
}

export async function loadCms(): Promise<LoadedCms> {
  buildIfNeeded();
  // Strapi resolves its SQLite file and public folder from the working directory, as `npm run cms` runs it.
  process.chdir(cmsRoot);
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const app = createStrapi({ appDir: cmsRoot, distDir });
  // Strapi's boot notices are not the caller's business; errors still show.
  app.log.level = 'error';
  const strapi = await app.load();
  const bulk = require(join(distDir, 'src', 'bulk-writes.js')) as BulkWrites;
  return {
    strapi,
    muteWebhooks: () => bulk.muteWebhooks(strapi),
    markDemoContentSkipped: () => bulk.markDemoContentSkipped(strapi),
  };
}
