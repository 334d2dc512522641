/**
 * Compares each post of the old Jekyll site with its page in the built new site, field by field:
 *
 *   npm run verify:import -- <path-to-jekyll-site> <built-site-folder> [--cms-url <url>] [--check-external]
 *
 * Prints a table (pages checked, fields right and wrong, each wrong one with its old URL) and exits
 * with 1 when a field is wrong, 2 on bad usage. Links to the built site are checked on disk; links to
 * the CMS (`--cms-url`, or CMS_URL) by asking it; links to other sites only with --check-external.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SiteError } from '../src/reader.ts';
import * as verify from '../src/verify/index.ts';
import { fail, readCommandLine } from './command-line.ts';

const USAGE = `Usage: npm run verify:import -- <path-to-jekyll-site> <built-site-folder> [options]

Options:
  --cms-url <url>      the CMS the site was built from: links to its uploads must answer (default: CMS_URL)
  --check-external     also ask every other site linked to whether the link answers
  -h, --help           show this help`;

const { values, paths } = readCommandLine(USAGE, 2, {
  'cms-url': { type: 'string' },
  'check-external': { type: 'boolean', default: false },
});
const [jekyll, built] = paths as [string, string];
if (!existsSync(join(built, 'index.html')))
  fail(`${built} is not a built site (no index.html); run npm run site:build first`);

const cmsUrl = values['cms-url'] ?? process.env.CMS_URL;
let cmsOrigin: string | undefined;
try {
  cmsOrigin = cmsUrl ? new URL(cmsUrl).origin : undefined;
} catch {
  fail(`--cms-url "${cmsUrl}" is not a URL`);
}
const checkExternal = values['check-external'];

/** Whether a URL answers: a HEAD, then a GET for servers that refuse HEAD; 10 s at most. */
async function answers(url: string): Promise<boolean> {
  const origin = new URL(url).origin;
  if (origin !== cmsOrigin && !checkExternal) return true;
  for (const method of ['HEAD', 'GET']) {
    try {
      const response = await fetch(url, { method, redirect: 'follow', signal: AbortSignal.timeout(10_000) });
      await response.body?.cancel();
      if (response.ok) return true;
      if (response.status !== 405 && response.status !== 403) return false;
    } catch {
      return false;
    }
  }
  return false;
}

try {
  const report = await verify.verifySite({ jekyll, built, answers });
  console.log(verify.formatVerifyReport(report));
  process.exit(verify.wrongFields(report) > 0 ? 1 : 0);
} catch (error) {
  if (error instanceof SiteError) fail(error.message);
  throw error;
}
