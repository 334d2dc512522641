/**
 * Prints the CMS's own HTTP route list as JSON ([{ method, path }]), from a loaded (not listening)
 * Strapi on the configured database. The permission sweep test attacks every one of them.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// Strapi's ESM build doesn't load under Node's ESM resolver (directory imports): use its CommonJS one.
const { createStrapi } = createRequire(import.meta.url)('@strapi/strapi') as typeof import('@strapi/strapi');

const cmsRoot = resolve(import.meta.dirname, '..');
const app = await createStrapi({ appDir: cmsRoot, distDir: resolve(cmsRoot, 'dist') }).load();
app.server.mount();
const routes = app.server
  .listRoutes()
  .flatMap((layer: { path: string; methods: string[] }) =>
    layer.methods.filter((method) => method !== 'HEAD').map((method) => ({ method, path: layer.path })),
  );
process.stdout.write(`${JSON.stringify(routes)}\n`);
await app.destroy();
process.exit(0);
