import type { APIRoute } from 'astro';
import { SITE_NAME } from '../consts.ts';
import { buildAtomFeed } from '../lib/atom.ts';
import { getCatalog } from '../lib/content.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const { posts, global } = await getCatalog();
  const siteUrl = site!.href;
  const name = global?.siteName ?? SITE_NAME;
  const xml = buildAtomFeed({
    id: absoluteUrl('/blog/', siteUrl),
    title: `Blog de ${name}`,
    subtitle: global?.tagline,
    siteUrl: absoluteUrl('/blog/', siteUrl),
    feedUrl: absoluteUrl('/atom.xml', siteUrl),
    author: name,
    language: 'fr',
    entries: posts.slice(0, 30).map(({ entry, url }) => {
      const published = new Date(`${entry.date}T00:00:00Z`);
      return {
        id: absoluteUrl(url, siteUrl),
        title: entry.title,
        url: absoluteUrl(url, siteUrl),
        published,
        updated: entry.updatedAt && entry.updatedAt > published ? entry.updatedAt : published,
        summary: entry.excerpt,
        contentHtml: renderMarkdown(entry.body),
        author: entry.author,
        language: entry.language,
      };
    }),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
