import { Parser } from 'htmlparser2';
import type { ListResponse } from '../../tests/helpers/content.ts';
import type { Corpus } from '../corpus/load.ts';
import { median } from '../stats.ts';
import {
  CATEGORIES,
  lighthouse,
  lighthouseCli,
  type LighthouseResult,
  type LighthouseScores,
} from '../tools/lighthouse.ts';
import { serveRelease } from '../tools/serve-release.ts';

export const PAGE_KINDS = ['home', 'event', 'talk', 'post'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  path: string;
  html: Bytes;
  css: Bytes;
  /** Script files (inline scripts are in the HTML's bytes; the CSP forbids inline code anyway). */
  js: Bytes;
  /** Web fonts the stylesheets declare (the first format of each face: what a browser fetches at most). */
  fonts: Bytes;
  /** The page's og:image (its generated social card), or null when it has none. */
  ogImage: { url: string; bytes: number } | null;
  /** Every script of the page: its src, or `inline:<type>`. */
  scripts: string[];
  /** Scripts other than JSON-LD and the click-to-load video player (content pages only). */
  unexpectedScripts: string[];
  /** Median score per category over the runs, or why there is none. */
  lighthouse: LighthouseScores | { skipped: string };
  /** Audits that failed in any run. */
  lighthouseFailedAudits: string[];
}

export type WeightResult = Record<PageKind, PageWeight>;

/** The only script content pages may load: the click-to-load video player. */
const ALLOWED_SCRIPT = /\/_astro\/VideoEmbed\.[^/]*\.js$/;

async function bytesOf(url: string): Promise<Bytes> {
  const raw = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const gzip = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  if (!raw.ok) throw new Error(`GET ${url}: ${raw.status}`);
  // The publisher compresses text files of 512 bytes or more; smaller ones go as they are.
  const gzipLength = Number(gzip.headers.get('content-length') ?? (await gzip.arrayBuffer()).byteLength);
  await gzip.body?.cancel();
  return { raw: (await raw.arrayBuffer()).byteLength, gzip: gzipLength };
}

const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

function assetsOf(html: string): {
  stylesheets: string[];
  scripts: string[];
  inlineScripts: { type: string }[];
  ogImage?: string;
} {
  const stylesheets: string[] = [];
  const scripts: string[] = [];
  const inlineScripts: { type: string }[] = [];
  let ogImage: string | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta' && attributes.property === 'og:image' && attributes.content) ogImage = attributes.content;
      if (name === 'link' && attributes.rel?.split(/\s+/).includes('stylesheet') && attributes.href)
        stylesheets.push(attributes.href);
      if (name === 'script') {
        if (attributes.src) scripts.push(attributes.src);
        else inlineScripts.push({ type: attributes.type ?? 'text/javascript' });
      }
    },
  });
  parser.end(html);
  return { stylesheets, scripts, inlineScripts, ...(ogImage ? { ogImage } : {}) };
}

/** The first URL of each @font-face's src: a browser fetches that one and stops. */
function fontFiles(css: string, cssUrl: string): string[] {
  const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
  return faces.flatMap((face) => {
    const url = /src:[^;]*?url\(\s*['"]?([^'")]+)['"]?\s*\)/.exec(face)?.[1];
    return url ? [new URL(url, cssUrl).href] : [];
  });
}

async function weigh(
  siteUrl: string,
  path: string,
  kind: PageKind,
): Promise<Omit<PageWeight, 'lighthouse' | 'lighthouseFailedAudits'>> {
  const url = new URL(path, siteUrl).href;
  const html = await (await fetch(url)).text();
  const { stylesheets, scripts, inlineScripts, ogImage } = assetsOf(html);
  let css: Bytes = { raw: 0, gzip: 0 };
  const fontUrls = new Set<string>();
  for (const href of stylesheets) {
    const cssUrl = new URL(href, url).href;
    css = add(css, await bytesOf(cssUrl));
    for (const font of fontFiles(await (await fetch(cssUrl)).text(), cssUrl)) fontUrls.add(font);
  }
  let fonts: Bytes = { raw: 0, gzip: 0 };
  for (const font of fontUrls) fonts = add(fonts, await bytesOf(font));
  // og:image names the public site's address; the same path is asked of the release served here.
  const card = ogImage ? new URL(new URL(ogImage).pathname, siteUrl).href : undefined;
  const ogImageBytes = card ? (await bytesOf(card)).raw : 0;
  let js: Bytes = { raw: 0, gzip: 0 };
  for (const src of scripts) js = add(js, await bytesOf(new URL(src, url).href));
  const inlineCode = inlineScripts
    .filter(({ type }) => type !== 'application/ld+json')
    .map(({ type }) => `inline:${type}`);
  const unexpectedScripts =
    kind === 'home' ? [] : [...scripts.filter((src) => !ALLOWED_SCRIPT.test(src)), ...inlineCode];
  return {
    path,
    html: await bytesOf(url),
    css,
    js,
    fonts,
    ogImage: card ? { url: new URL(card).pathname, bytes: ogImageBytes } : null,
    scripts: [...scripts, ...inlineScripts.map(({ type }) => `inline:${type}`)],
    unexpectedScripts,
  };
}

async function first<T>(corpus: Corpus, query: string): Promise<T | undefined> {
  const response = await corpus.cms.fetch(`/api/${query}`, {
    headers: { authorization: `Bearer ${corpus.cms.env.CMS_TOKEN}` },
  });
  if (!response.ok) throw new Error(`GET /api/${query.split('?')[0]}: ${response.status}`);
  return ((await response.json()) as ListResponse<T>).data[0];
}

/** The pages weighed: home, the latest past API Hour, one of the talks with a video, the newest post. */
async function pagesOf(corpus: Corpus): Promise<Record<PageKind, string>> {
  const now = new Date().toISOString();
  const event = await first<{ slug: string }>(
    corpus,
    `events?filters[kind][$eq]=api-hour&filters[startsAt][$lt]=${now}&sort[0]=startsAt:desc&pagination[pageSize]=1&fields[0]=slug`,
  );
  const talk =
    (await first<{ slug: string }>(
      corpus,
      'talks?filters[videoUrl][$notNull]=true&sort[0]=id:asc&pagination[pageSize]=1&fields[0]=slug',
    )) ?? (await first<{ slug: string }>(corpus, 'talks?sort[0]=id:asc&pagination[pageSize]=1&fields[0]=slug'));
  const post = await first<{ slug: string }>(corpus, 'posts?sort[0]=date:desc&pagination[pageSize]=1&fields[0]=slug');
  if (!event || !talk || !post) throw new Error(`the ${corpus.name} corpus lacks a past API Hour, a talk or a post`);
  return { home: '/', event: `/api-hours/${event.slug}/`, talk: `/talks/${talk.slug}/`, post: `/blog/${post.slug}/` };
}

/**
 * Bytes of HTML, CSS, JS and fonts (raw and gzip, as the publisher serves them) and of the social
 * card of four pages of a built site, and their Lighthouse scores (median of `runs`; `lighthouseRuns: 0` skips Lighthouse).
 * Takes ownership of `outDir`.
 */
export async function benchWeight(
  corpus: Corpus,
  outDir: string,
  { lighthouseRuns }: { lighthouseRuns: number },
): Promise<WeightResult> {
  const served = await serveRelease(outDir, corpus.sitePort);
  try {
    const paths = await pagesOf(corpus);
    const cli = lighthouseRuns > 0 ? lighthouseCli() : { unavailable: 'skipped (--lighthouse-runs 0)' };
    const result = {} as WeightResult;
    for (const kind of PAGE_KINDS) {
      const weight = await weigh(served.url, paths[kind], kind);
      if ('unavailable' in cli) {
        result[kind] = { ...weight, lighthouse: { skipped: cli.unavailable }, lighthouseFailedAudits: [] };
        continue;
      }
      const runs: LighthouseResult[] = [];
      for (let run = 0; run < lighthouseRuns; run++)
        runs.push(await lighthouse(cli.cli, new URL(paths[kind], served.url).href));
      const scores = Object.fromEntries(
        CATEGORIES.map((category) => [category, median(runs.map(({ scores }) => scores[category]))]),
      ) as LighthouseScores;
      result[kind] = {
        ...weight,
        lighthouse: scores,
        lighthouseFailedAudits: [...new Set(runs.flatMap(({ failedAudits }) => failedAudits))],
      };
    }
    return result;
  } finally {
    await served.close();
  }
}
