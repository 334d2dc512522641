/**
 * Imports the association's Jekyll site into the CMS's database:
 *
 *   npm run import:jekyll -- <path-to-jekyll-site> [--dry-run] [--only <type>[,<type>…]] [--overwrite] [--report <file.json>]
 *
 * Uses the same environment as `npm run cms` (database, secrets). Works with the CMS stopped or
 * running (PostgreSQL, or SQLite: both processes then share the file and take turns writing).
 * Exits with 1 only when a file or an entry could not be imported at all; 2 on bad usage or setup.
 */
import { writeFileSync } from 'node:fs';
import { loadCms, type LoadedCms } from '@clermontech/cms/load';
import { ConfigError, prepareCmsEnvironment, readEnvFile } from '@clermontech/config';
import * as importer from '../src/index.ts';
import { fail, readCommandLine } from './command-line.ts';

const USAGE = `Usage: npm run import:jekyll -- <path-to-jekyll-site> [options]

Options:
  --dry-run            read and report; write nothing (needs no database)
  --only <types>       only write these types (comma-separated): events, talks, speakers, venues,
                       groups, posts, pages, sponsors, members; the others are only linked to
  --overwrite          also replace entries edited in the CMS since they were imported
                       (entries the importer did not create are never touched)
  --report <file>      also write the full report as JSON
  -h, --help           show this help`;

const { values, paths, fromCaller } = readCommandLine(USAGE, 1, {
  'dry-run': { type: 'boolean', default: false },
  only: { type: 'string', multiple: true },
  overwrite: { type: 'boolean', default: false },
  report: { type: 'string' },
});
const site = paths[0]!;
const reportFile = values.report ? fromCaller(values.report) : undefined;
const dryRun = values['dry-run'];

// Same environment as `npm run cms`: the .env file under the process's own variables.
for (const [name, value] of Object.entries(readEnvFile())) process.env[name] ??= value;
// Never seed the demo content into the database being imported into (the import marks it as
// skipped for later boots).
process.env.SEED_DEMO = 'false';
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

try {
  if (!dryRun) prepareCmsEnvironment();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const only: importer.EntryType[] = [];
for (const name of (values.only ?? []).flatMap((value) => value.split(','))) {
  const type = importer.parseEntryType(name);
  if (!type)
    fail(
      `Unknown type "${name}" for --only; expected one of: ${importer.ENTRY_TYPES.map((entry) => `${entry}s`).join(', ')}`,
    );
  only.push(type);
}

const progress = importer.createProgress(process.stderr);
let cms: LoadedCms | undefined;

let exitCode: number;
try {
  if (!dryRun) {
    console.error('Loading the CMS…');
    cms = await loadCms();
  }
  const report = await importer.runImport(cms, { site, dryRun, only, overwrite: values.overwrite, progress });
  console.log(importer.formatReport(report));
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  exitCode = report.exitCode;
} catch (error) {
  if (error instanceof importer.SiteError) {
    console.error(error.message);
    exitCode = 2;
  } else {
    console.error(error);
    exitCode = 1;
  }
} finally {
  await cms?.strapi.destroy();
}
process.exit(exitCode);
