/**
 * Runs the registrations' scheduled chores once (reminders, e-mail retries, anonymisation) on the
 * configured database, as the CMS's cron does every ten minutes, and prints what was done as JSON.
 * `--now <ISO date>` runs them as if it were that instant (the tests move the clock this way).
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

// Strapi's ESM build doesn't load under Node's ESM resolver (directory imports): use its CommonJS one.
const require = createRequire(import.meta.url);
const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

const { values } = parseArgs({ options: { now: { type: 'string' } } });
const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) {
  process.stderr.write(`--now: not a date: ${values.now}\n`);
  process.exit(2);
}

const cmsRoot = resolve(import.meta.dirname, '..');
const distDir = resolve(cmsRoot, 'dist');
const app = await createStrapi({ appDir: cmsRoot, distDir }).load();
const { runRegistrationChores } = require(
  resolve(distDir, 'src/registrations/chores.js'),
) as typeof import('../src/registrations/chores.ts');
const { cmsEnv } = require(resolve(distDir, 'src/cms-env.js')) as typeof import('../src/cms-env.ts');
const report = await runRegistrationChores(app, cmsEnv(), now);
process.stdout.write(`${JSON.stringify(report)}\n`);
await app.destroy();
process.exit(0);
