import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** The node_modules the site's dependencies are installed in (npm workspaces hoist them to the repo's). */
const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('astro/package.json')));

/**
 * The server code imports its dependencies (astro, sharp…) by name, and the build may write anywhere
 * (the publisher's PUBLISHER_RELEASES_DIR, a temporary folder): the build's prerender step finds them
 * through a link in the server folder, removed once the pages are generated, so that nothing
 * (Pagefind's scan, the release) holds a link out of the output. At run time the publisher links its
 * releases folder the same way (publisher/preview.ts).
 *
 * The link is made once the server code is written (astro:build:ssr), just before the prerender
 * imports it, not when the build starts: Astro lists every file of the output folder as a static
 * asset of the server's manifest, and through the link that was all of node_modules (101,032
 * paths walked, serialised into the server code and read back, in every build).
 */
function linkNodeModules(): void {
  const link = join(serverDir, 'node_modules');
  if (existsSync(link)) return;
  mkdirSync(serverDir, { recursive: true });
  symlinkSync(nodeModules, link, 'dir');
}

let serverDir = '';

/**
 * Drafts rendered on demand: two routes under /_preview/ (the page and the script that reloads it),
 * and a minimal adapter whose server entry exports `render(Request) → Response`. The publisher
 * imports that entry from the live release and calls it for /_preview/* only; everything else is
 * prerendered as in a plain static build, at the release's root.
 */
export function previewAdapter(): AstroIntegration {
  return {
    name: 'clermontech:preview',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        // Files under src/pages/_preview/ are not routes by themselves (leading underscore): injected here.
        injectRoute({
          pattern: '/_preview/reload.js',
          entrypoint: './src/pages/_preview/reload.js.ts',
          prerender: false,
        });
        injectRoute({
          pattern: '/_preview/[type]/[documentId]',
          entrypoint: './src/pages/_preview/[type]/[documentId].astro',
          prerender: false,
        });
        // Images of a draft are resized on demand, under the preview's path.
        updateConfig({ image: { endpoint: { route: '/_preview/_image' } } });
      },
      'astro:build:ssr': () => linkNodeModules(),
      'astro:build:generated': () => {
        rmSync(join(serverDir, 'node_modules'), { force: true });
      },
      'astro:config:done': ({ config, setAdapter }) => {
        serverDir = fileURLToPath(config.build.server);
        setAdapter({
          name: 'clermontech:preview',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./server-entry.ts', import.meta.url),
          supportedAstroFeatures: {
            staticOutput: 'stable',
            hybridOutput: 'stable',
            serverOutput: 'stable',
            sharpImageService: 'stable',
          },
        });
      },
    },
  };
}
