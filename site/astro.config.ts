import { defineConfig } from 'astro/config';
import { cmsImageCacheIntegration } from './src/integrations/cms-image-cache.ts';
import { buildsPreviewServer, IMAGE_CACHE_DIR, prepareBuildCacheDir } from './publisher/build-cache.ts';
import { siteEnv } from './src/env.ts';
import { previewAdapter } from './src/lib/preview/integration.ts';
import { sharedReleaseFilesIntegration } from './src/integrations/shared-release-files.ts';
import { sitemapIntegration } from './src/integrations/sitemap.ts';
import { socialCardsIntegration } from './src/lib/social-card/integration.ts';

const { CMS_URL, SITE_URL } = siteEnv();
const cms = new URL(CMS_URL);

// The preview's server code (drafts rendered on demand) depends on the site's code, not on its
// content: the publisher has it built only when the code changed, and otherwise builds the pages
// alone and keeps the live release's server (publisher/preview-server.ts). Such a build skips one of
// Vite's three bundles and the server's assets.
const previewServer = buildsPreviewServer();

export default defineConfig({
  site: SITE_URL,
  // Astro keeps its content store and image cache here. Each publisher (and each test) has its own,
  // so a build from another CMS can never feed this one's store.
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: prepareBuildCacheDir(process.env.SITE_CACHE_DIR, previewServer) } : {}),
  output: 'static',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // Most pages of a publish are restored from the incremental cache: each is a few file-system
    // calls, mostly waiting: sixteen at a time overlap the waits (figures in bench/README.md).
    concurrency: 16,
    // External files only: the site is served with a CSP that forbids inline scripts and styles.
    inlineStylesheets: 'never',
    // With the preview adapter: static files at the release's root, where they are served; the server code that
    // renders drafts in _server/, which the publisher imports and never serves.
    client: './',
    server: './_server/',
  },
  image: {
    // AVIF at effort 2 rather than sharp's 4: several times less encoding time for a few percent more
    // bytes, still much smaller than WebP (figures in bench/README.md). Encoding is most of a cold build.
    // Sharp, with encoded images kept by content across cold builds (src/images/cached-sharp-service.ts),
    // drawn social cards beside them (src/lib/social-card/card-cache.ts); SITE_IMAGE_CACHE_DIR: a folder of one's own (tests).
    service: {
      entrypoint: './src/images/cached-sharp-service.ts',
      config: { avif: { effort: 2 }, imageCacheDir: process.env.SITE_IMAGE_CACHE_DIR ?? IMAGE_CACHE_DIR },
    },
    // SVG logos from the CMS are rasterised rather than served as is: an SVG served from the
    // site's origin could carry script. The CMS's editors are trusted, its files less so.
    dangerouslyProcessSVG: true,
    // CMS images are downloaded at build time and served from the site, never hot-linked.
    remotePatterns: [
      {
        protocol: cms.protocol.replace(':', ''),
        hostname: cms.hostname,
        ...(cms.port ? { port: cms.port } : {}),
      },
    ],
  },
  vite: {
    // Never inline scripts or assets into the HTML (same CSP reason).
    build: { assetsInlineLimit: 0 },
  },
  prefetch: false,
  experimental: {
    // Pages whose getStaticPaths() entry gives the same cacheKey as last build (src/lib/cache-keys.ts)
    // are not rendered again: Astro restores them from its cache (cacheDir/dist/), or, in the
    // publisher, finds them already linked from the live release (src/integrations/shared-release-files.ts).
    // Pages without a key (home, lists of everything, feeds) are rendered every time.
    incrementalBuild: true,
  },
  devToolbar: { enabled: false },
  // The search index is written after the build, in a process of its own (scripts/build.ts), or by
  // the publisher once the new pages are live (publisher/release-lifecycle.ts).
  integrations: [
    sitemapIntegration(),
    cmsImageCacheIntegration(),
    socialCardsIntegration(),
    sharedReleaseFilesIntegration(),
  ],
  // Drafts only, rendered on demand under /_preview/ (src/lib/preview/); every other page is prerendered.
  ...(previewServer ? { adapter: previewAdapter() } : {}),
});
