import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startCms, type RunningCms } from '../../helpers/cms.ts';
import { createDraft, publishChange, type ListResponse } from '../../helpers/content.ts';
import { buildSite, type SiteBuild } from '../../helpers/site.ts';

const DOC = join(repoRoot, 'docs', 'adding-a-content-type.md');
const run = promisify(execFile);

/** A code block of the doc: a new file, or lines that go before the line of an existing file containing `before`. */
interface Snippet {
  file: string;
  before: string | undefined;
  code: string;
}

function snippetsOf(markdown: string): Snippet[] {
  const fence = /^```\w+ file=(\S+)(?: before="([^"]+)")?\n([\s\S]*?)^```$/gm;
  return [...markdown.matchAll(fence)].map(([, file, before, code]) => ({ file: file!, before, code: code! }));
}

function apply(root: string, { file, before, code }: Snippet): void {
  const path = join(root, file);
  if (before === undefined) {
    if (existsSync(path)) throw new Error(`the doc creates ${file}, which exists already`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, code);
    return;
  }
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.includes(before));
  if (at < 0 || lines.findIndex((line, index) => index > at && line.includes(before)) >= 0) {
    throw new Error(`${file}: the doc's anchor "${before}" is not on exactly one line`);
  }
  lines.splice(at, 0, ...code.replace(/\n$/, '').split('\n'));
  writeFileSync(path, lines.join('\n'));
}

/**
 * The clone uses this checkout's installed packages, except its own workspaces (@clermontech/*): the
 * CMS and the site must read the clone's contract, not this one's.
 */
function linkDependencies(clone: string): void {
  const modules = join(clone, 'node_modules');
  mkdirSync(join(modules, '@clermontech'), { recursive: true });
  for (const name of readdirSync(join(repoRoot, 'node_modules'))) {
    if (name !== '@clermontech') symlinkSync(join(repoRoot, 'node_modules', name), join(modules, name));
  }
  for (const workspace of readdirSync(join(repoRoot, 'node_modules', '@clermontech'))) {
    if (existsSync(join(clone, workspace)))
      symlinkSync(join(clone, workspace), join(modules, '@clermontech', workspace));
  }
}

const JOB = {
  title: 'Développeuse ou développeur TypeScript',
  slug: 'developpeuse-ou-developpeur-typescript',
  company: 'Volcans Logiciels',
  city: 'Clermont-Ferrand',
  description:
    'Vous rejoindrez une équipe de **cinq personnes** qui construit des outils pour les artisans du Puy-de-Dôme.',
  url: 'https://volcans-logiciels.example/emplois/typescript',
};

describe('docs/adding-a-content-type.md, followed step by step', () => {
  let work: string;
  let clone: string;
  let cms: RunningCms;
  let build: SiteBuild;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'clermontech-new-type-'));
    clone = join(work, 'repo');
    execFileSync('git', ['clone', '-q', repoRoot, clone]);
    linkDependencies(clone);
    for (const snippet of snippetsOf(readFileSync(DOC, 'utf8'))) apply(clone, snippet);
    execFileSync(process.execPath, [
      join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-b',
      join(clone, 'config'),
    ]);
    // `npm run build`: the new type's server code, and the admin panel, which bundles the contract.
    await run(process.execPath, [join(clone, 'cms', 'scripts', 'build.mts')], {
      cwd: join(clone, 'cms'),
      env: { ...process.env, CLERMONTECH_ENV_FILE: join(work, '.env') },
    });

    cms = await startCms({ root: clone });
    const admin = await cms.adminToken();
    const draft = await createDraft(cms.url, admin, 'api::job.job', JOB);
    await publishChange(cms.url, admin, 'api::job.job', draft.documentId, {});
    build = await buildSite({ ...cms.env, SITE_URL: 'https://www.clermontech.org' }, join(work, 'dist'), clone);
    if (build.exitCode !== 0) throw new Error(`site build failed:\n${build.output.slice(-4000)}`);
  });
  afterAll(async () => {
    await cms?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('changes the contract, the Strapi schema, the zod schema and the page, nothing else', () => {
    const changed = execFileSync('git', ['-C', clone, 'status', '--porcelain', '--untracked-files=all'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3))
      .filter((path) => path !== 'node_modules');
    expect(changed.sort()).toEqual([
      'cms/src/api/job/content-types/job/schema.json',
      'cms/src/api/job/controllers/job.ts',
      'cms/src/api/job/routes/job.ts',
      'cms/src/api/job/services/job.ts',
      'cms/src/bootstrap/admin-views.data.ts',
      'config/src/contract/content-types.ts',
      'site/src/lib/strapi/schemas.ts',
      'site/src/pages/emplois/[slug].astro',
    ]);
  });

  it('serves the published offer to anyone on the public API', async () => {
    const response = await cms.fetch('/api/jobs');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as ListResponse<{ title: string; company: string }>;
    expect(data.map(({ title, company }) => ({ title, company }))).toEqual([
      { title: JOB.title, company: JOB.company },
    ]);
  });

  it('builds the offer’s page at the contract’s path, with its content', () => {
    const page = join(build.outDir, 'emplois', JOB.slug, 'index.html');
    expect(existsSync(page), build.output.slice(-2000)).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain(`<h1>${JOB.title}</h1>`);
    expect(html).toContain('Volcans Logiciels · Clermont-Ferrand');
    expect(html).toContain('<strong>cinq personnes</strong>');
    expect(html).toContain(`href="${JOB.url}"`);
    expect(readFileSync(join(build.outDir, 'sitemap.xml'), 'utf8')).toContain(
      `https://www.clermontech.org/emplois/${JOB.slug}/`,
    );
  });
});
