import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { artifactPath } from './browser.ts';

/** The widths the identity is checked at: a phone, a tablet, a desktop. */
export const WIDTHS = [390, 768, 1280] as const;
export const SCHEMES = ['light', 'dark'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** What a page overflows by, horizontally, in CSS pixels (0: it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}

export interface Shot {
  width: number;
  scheme: Scheme;
  overflow: number;
  file: string;
}

/**
 * Opens `url` at each width, light and dark, saves a full-page screenshot under tests/artifacts/
 * (`<name>-<width>-<scheme>.png`) and reports each one's horizontal overflow.
 */
export async function screenshotMatrix(browser: Browser, url: string, name: string): Promise<Shot[]> {
  const shots: Shot[] = [];
  for (const scheme of SCHEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width, height: 900 },
        colorScheme: scheme,
      });
      try {
        const page = await context.newPage();
        const response = await page.goto(url, { waitUntil: 'load' });
        if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const file = artifactPath(`identity-${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        shots.push({ width, scheme, overflow: await horizontalOverflow(page), file });
      } finally {
        await context.close();
      }
    }
  }
  return shots;
}

export interface PageWeight {
  /** HTML plus its stylesheets, gzipped, in bytes. */
  htmlCss: number;
  /** Web fonts the page loaded, in bytes as served (WOFF2 is compressed already). */
  fonts: number;
}

/** What a page costs: its HTML and stylesheets gzipped, and the fonts a browser fetched to render it. */
export async function pageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const html = await (await fetch(url)).text();
  const stylesheets = [
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]*rel="stylesheet"/g),
  ].map((match) => new URL(match[1] ?? match[2]!, url).href);
  const css = await Promise.all(stylesheets.map(async (href) => (await fetch(href)).text()));
  const htmlCss = gzipSync(html + css.join('')).length;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const fonts: Promise<number>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'font') fonts.push(response.body().then((body) => body.length));
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { htmlCss, fonts: (await Promise.all(fonts)).reduce((sum, size) => sum + size, 0) };
  } finally {
    await context.close();
  }
}

/** How many times `needle` occurs in `text`, whitespace and case aside. */
export function occurrences(text: string, needle: string): number {
  const squash = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();
  const haystack = squash(text);
  const wanted = squash(needle);
  if (!wanted) return 0;
  let count = 0;
  for (let at = haystack.indexOf(wanted); at !== -1; at = haystack.indexOf(wanted, at + wanted.length)) count++;
  return count;
}
