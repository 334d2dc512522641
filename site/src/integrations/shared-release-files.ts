import { existsSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { SEARCH_INDEX_DIR } from '../lib/search-bundles.ts';

/**
 * `SITE_PREVIOUS_RELEASE=<folder>`: the release the last build of this Astro cache wrote, still
 * unchanged. The publisher sets it for each build it can (publisher/publisher.ts); no other build has it.
 */
export const PREVIOUS_RELEASE_ENV = 'SITE_PREVIOUS_RELEASE';

/**
 * Top-level entries never taken from the previous release: Vite's bundles and the processed images
 * (`_astro/`, written by Astro whether or not they exist, so a link would be written through), the
 * preview's server and the search index (the publisher carries those over itself).
 */
const NOT_SHARED = new Set(['_astro', '_server', SEARCH_INDEX_DIR]);

/** The files Astro may write for a path, relative to the output folder, as `build.format: 'directory'` names them. */
export function outputCandidates(pathname: string): string[] {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  if (path === '') return ['index.html'];
  return [path, `${path}.html`, `${path}/index.html`];
}

/** Every file under `from`, relative to it, with `/` between folders; top-level entries in `skip` left out. */
function filesUnder(from: string, skip: ReadonlySet<string>): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(from, entry.name);
    if (entry.isDirectory())
      for (const file of readdirSync(path, { withFileTypes: true, recursive: true }))
        if (file.isFile()) files.push(relative(from, join(file.parentPath, file.name)).split(sep).join('/'));
    if (entry.isFile()) files.push(entry.name);
  }
  return files;
}

/**
 * Links into `outDir` every file of `previous` it does not have yet; returns the files linked.
 * Astro then finds each unchanged page already there and neither renders nor copies it.
 */
function linkPreviousRelease(previous: string, outDir: string): Set<string> {
  const linked = new Set<string>();
  for (const file of filesUnder(previous, NOT_SHARED)) {
    const target = join(outDir, file);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    linkSync(join(previous, file), target);
    linked.add(file);
  }
  return linked;
}

/**
 * Astro's prerenderer, with the new release sharing every unchanged file with the previous one.
 *
 * Astro's incremental build skips a page whose cache key did not change when its file is already in
 * the output folder, and otherwise copies it from its cache. Before any page is generated, this
 * links the previous release's files into the output folder, so unchanged pages cost a check and
 * the two releases share their bytes. Two rules keep the previous release, which is live, intact:
 * - a file Astro is about to write (a page it renders) is unlinked first, so it writes a new file
 *   rather than into the live one;
 * - a linked file no path of this build can write (a deleted page, a file an integration writes at
 *   the end, such as sitemap.xml) is removed before any page is generated.
 * Only valid when the previous release is exactly what Astro's cache recorded (its last build):
 * the publisher makes sure of it, as a rollback or another cache's build breaks that.
 */
function sharingPrerenderer(standard: AstroPrerenderer, previous: string, outDir: string): AstroPrerenderer {
  let linked = new Set<string>();
  const unlink = (files: Iterable<string>) => {
    for (const file of files) {
      if (!linked.delete(file)) continue;
      rmSync(join(outDir, file), { force: true });
    }
  };
  return {
    ...standard,
    name: 'clermontech:shared-release-files',
    setup: async () => {
      await standard.setup?.();
      linked = linkPreviousRelease(previous, outDir);
    },
    getStaticPaths: async () => {
      const paths = await standard.getStaticPaths();
      const written = new Set(paths.flatMap(({ pathname }) => outputCandidates(pathname)));
      unlink([...linked].filter((file) => !written.has(file)));
      return paths;
    },
    render: (request, options) => {
      unlink(outputCandidates(decodeURIComponent(new URL(request.url).pathname)));
      return standard.render(request, options);
    },
  };
}

/** See sharingPrerenderer(); does nothing unless SITE_PREVIOUS_RELEASE names an existing folder. */
export function sharedReleaseFilesIntegration(): AstroIntegration {
  let outDir = '';
  return {
    name: 'clermontech:shared-release-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': ({ setPrerenderer, logger }) => {
        const previous = process.env[PREVIOUS_RELEASE_ENV];
        if (!previous || !existsSync(previous)) return;
        logger.info(`unchanged files shared with ${previous}`);
        setPrerenderer((standard) => sharingPrerenderer(standard, previous, outDir));
      },
    },
  };
}
