import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { escapeXml } from '../lib/atom.ts';

/** A page belongs in the sitemap unless it is an error page, a redirect file, a feed or search. */
function isListed(pathname: string): boolean {
  const path = `/${pathname}`.replace(/\/+/g, '/');
  if (path === '/404/' || path === '/404' || path.startsWith('/recherche')) return false;
  return path.endsWith('/');
}

/** Writes sitemap.xml from the pages Astro actually built, so none is forgotten. */
export function sitemapIntegration(): AstroIntegration {
  let site = 'http://localhost:4321/';
  return {
    name: 'clermontech:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site;
      },
      'astro:build:done': async ({ pages, dir, logger }) => {
        const urls = [...new Set(pages.map((page) => page.pathname))]
          .map((pathname) => (pathname === '' ? '/' : `/${pathname}`))
          .filter(isListed)
          .sort()
          .map((path) => `<url><loc>${escapeXml(new URL(path, site).href)}</loc></url>`);
        const xml = [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
          ...urls,
          '</urlset>',
          '',
        ].join('\n');
        await writeFile(new URL('sitemap.xml', dir), xml);
        logger.info(`sitemap.xml: ${urls.length} pages`);
      },
    },
  };
}
