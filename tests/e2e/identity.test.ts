import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { pageWeight, screenshotMatrix } from '../helpers/page-checks.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each kind the issue names, from the demo content. */
const PAGES = [
  ['home', '/'],
  ['api-hour', '/api-hours/api-hour-73/'],
  ['talk', '/talks/files-de-messages-sans-douleur/'],
  ['post', '/blog/bienvenue-sur-le-nouveau-site/'],
  ['listing', '/api-hours/'],
  ['talks-listing', '/talks/'],
] as const;

const BRAND_BLUE = 'rgb(43, 166, 203)';
const BRAND_DARK = 'rgb(5, 41, 44)';

describe('the site looks like Clermont’ech (demo content)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
  });

  const open = async (path: string, colorScheme: 'light' | 'dark' = 'light', width = 1280): Promise<Page> => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    const response = await page.goto(`${stack.publisher.url}${path}`);
    expect(response?.status(), path).toBe(200);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  };

  it.each(PAGES)(
    '%s (%s) at 390, 768 and 1280 px, light and dark: screenshots, and nothing wider than a phone',
    async (name, path) => {
      const shots = await screenshotMatrix(browser, `${stack.publisher.url}${path}`, name);
      expect(shots).toHaveLength(6);
      expect(
        shots
          .filter((shot) => shot.overflow > 0)
          .map(({ width, scheme, overflow }) => `${width} ${scheme}: ${overflow}px`),
      ).toEqual([]);
    },
  );

  it('shows the logo in the header and the mascot in the footer, from the site settings, in the brand’s colours and display face', async () => {
    const page = await open('/');
    // Scrolled to, as a reader would: the footer's image loads lazily.
    const loaded = async (selector: string) => {
      const image = page.locator(selector).first();
      await image.scrollIntoViewIfNeeded();
      return expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
        .toBe(true);
    };
    await loaded('.site-header .brand img');
    await loaded('.site-footer .footer-identity img');
    await loaded('.hero img');
    // The demo's own drawings, uploaded at seeding (never the association's files).
    const global = (await (
      await stack.cms.fetch('/api/global?populate[logo][fields][0]=name&populate[mascot][fields][0]=name')
    ).json()) as { data: { logo: { name: string }; mascot: { name: string } } };
    expect(global.data.logo.name).toBe('logo-demo.png');
    expect(global.data.mascot.name).toBe('mascotte-demo.png');

    const style = await page.evaluate(() => {
      const header = getComputedStyle(document.querySelector('.site-header')!);
      const h1 = getComputedStyle(document.querySelector('h1')!);
      return {
        headerTop: header.borderTopColor,
        footer: getComputedStyle(document.querySelector('.site-footer')!).backgroundColor,
        brandToken: getComputedStyle(document.documentElement).getPropertyValue('--brand').trim(),
        h1Font: h1.fontFamily,
        h1Case: h1.textTransform,
        oswald:
          document.fonts.check('400 1rem Oswald') &&
          [...document.fonts].some((face) => face.family.replace(/"/g, '') === 'Oswald' && face.status === 'loaded'),
      };
    });
    expect(style).toEqual({
      headerTop: BRAND_BLUE,
      footer: BRAND_DARK,
      brandToken: '#2ba6cb',
      h1Font: expect.stringMatching(/^"?Oswald"?,/),
      h1Case: 'uppercase',
      oswald: true,
    });
    await page.context().close();
  });

  it('follows the reader’s dark mode', async () => {
    const light = await open('/api-hours/api-hour-73/', 'light');
    const dark = await open('/api-hours/api-hour-73/', 'dark');
    const colours = (page: Page) =>
      page.evaluate(() => ({
        paper: getComputedStyle(document.documentElement).backgroundColor,
        ink: getComputedStyle(document.body).color,
      }));
    expect(await colours(light)).toEqual({ paper: 'rgb(246, 248, 248)', ink: 'rgb(27, 43, 46)' });
    expect(await colours(dark)).toEqual({ paper: 'rgb(11, 26, 28)', ink: 'rgb(228, 238, 240)' });
    await light.context().close();
    await dark.context().close();
  });

  it('puts the next evening first on the home page, with its programme and a way to register', async () => {
    const page = await open('/');
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('main > section')].map((section) => section.getAttribute('aria-labelledby')),
    );
    expect(order.slice(0, 2)).toEqual(['home-title', 'next-event-title']);
    expect(order).toEqual(expect.arrayContaining(['talks-title', 'posts-title', 'sponsors-title']));
    expect(await page.locator('.next-event ol.programme > li .talk-title').allTextContents()).toEqual([
      'Des files de messages sans douleur',
      'Un site web de 14 Ko',
      'Ma maison sans nuage',
    ]);
    expect(
      await page
        .locator('.next-event')
        .getByRole('link', { name: /S’inscrire/ })
        .count(),
    ).toBe(1);
    await page.context().close();
  });

  it('centres an article at a reading width, and lists on a wider band', async () => {
    const page = await open('/blog/bienvenue-sur-le-nouveau-site/');
    const article = await page.locator('main > article').boundingBox();
    expect(article).not.toBeNull();
    // Centred: as much room on each side (to a pixel), and a reading width, not the full band.
    expect(Math.abs(article!.x - (1280 - article!.x - article!.width))).toBeLessThanOrEqual(2);
    expect(article!.width).toBeLessThan(800);
    await page.context().close();
    const listing = await open('/api-hours/');
    const main = await listing.locator('main').boundingBox();
    expect(main!.width).toBeGreaterThan(1000);
    await listing.context().close();
  });

  it('lists past API Hours under their year, each with its speakers', async () => {
    const page = await open('/api-hours/');
    const years = await page.locator('main h3.year').allTextContents();
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(year).toMatch(/^\d{4}$/);
    const card = page.locator('main section:has(h3.year) .event-card', { hasText: 'API Hour #72' });
    await expect
      .poll(() => card.textContent())
      .toMatch(/Avec Thomas Besse, Inès Vidal et Camille Roche|Avec Inès Vidal, Camille Roche et Thomas Besse/);
    await page.context().close();
  });

  it('filters the talks by year and by theme with plain links, each page listing only its talks', async () => {
    const page = await open('/talks/');
    const all = await page.locator('main .talk-group li').count();
    const filters = page.getByRole('navigation', { name: 'Filtrer les talks' });
    expect(await filters.getByRole('link', { name: 'Tous les talks' }).getAttribute('aria-current')).toBe('page');
    const years = await filters.getByRole('list', { name: 'Par année' }).getByRole('link').allTextContents();
    expect(years.length).toBeGreaterThan(0);
    let counted = 0;
    for (const year of years) {
      await filters.getByRole('link', { name: year, exact: true }).click();
      await page.waitForURL(`**/talks/annee/${year}/`);
      expect(await filters.getByRole('link', { name: year, exact: true }).getAttribute('aria-current')).toBe('page');
      // Every evening listed is of that year, and the page has no script: the filter is the link.
      const days = await page
        .locator('main .talk-group h2 time')
        .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
      expect(days.length).toBeGreaterThan(0);
      for (const day of days) expect(day.slice(0, 4)).toBe(year);
      expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0);
      counted += await page.locator('main .talk-group li').count();
    }
    // The demo's talks all belong to an evening: the years share them all out.
    expect(counted).toBe(all);
    const themes = filters.getByRole('list', { name: 'Par thème' });
    await themes.getByRole('link', { name: /^API Hours/ }).click();
    await page.waitForURL('**/talks/theme/api-hour/');
    expect(await page.locator('main h1').textContent()).toBe('Talks : API Hours');
    expect(await page.locator('main .talk-group h2 a').allTextContents()).toEqual(
      expect.arrayContaining(['API Hour #73', 'API Hour #72']),
    );
    await page.context().close();
  });

  it('hides the navigation and the footer when an event page is printed', async () => {
    const page = await open('/api-hours/api-hour-73/');
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('.site-nav')).toBe(false);
    expect(await shown('.site-footer')).toBe(false);
    expect(await shown('ol.programme')).toBe(true);
    await page.pdf({ path: (await import('../helpers/browser.ts')).artifactPath('identity-api-hour-print.pdf') });
    await page.context().close();
  });

  it.for(PAGES)(
    '%s keeps its layout when the display face arrives late (phone width)',
    async ([, path], { annotate }) => {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 412, height: 823 } });
      // The fonts come after the first paint, as on a slow network: the text is drawn in the fallback, then swapped.
      await context.route('**/*.woff2', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${stack.publisher.url}${path}`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const shifts = await page.evaluate(
        () =>
          new Promise<{ value: number; sources: string[] }[]>((resolve) => {
            const found: { value: number; sources: string[] }[] = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as unknown as {
                value: number;
                hadRecentInput: boolean;
                sources: { node?: Node }[];
              }[]) {
                if (!entry.hadRecentInput)
                  found.push({
                    value: entry.value,
                    sources: entry.sources.map(
                      (source) => (source.node as Element | undefined)?.outerHTML?.slice(0, 80) ?? '?',
                    ),
                  });
              }
            }).observe({ type: 'layout-shift', buffered: true });
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(found)));
          }),
      );
      await context.close();
      const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
      await annotate(`CLS ${total.toFixed(3)}: ${JSON.stringify(shifts)}`);
      expect(total, JSON.stringify(shifts)).toBeLessThan(0.02);
    },
  );

  it.for(PAGES)('%s stays within its budget: HTML+CSS ≤ 40 KB gzip, fonts ≤ 60 KB', async ([, path], { annotate }) => {
    const weight = await pageWeight(browser, `${stack.publisher.url}${path}`);
    await annotate(`HTML+CSS ${weight.htmlCss} B gzip, fonts ${weight.fonts} B`);
    expect(weight.htmlCss).toBeLessThanOrEqual(40 * 1024);
    expect(weight.fonts).toBeGreaterThan(0);
    expect(weight.fonts).toBeLessThanOrEqual(60 * 1024);
  });

  it.each(PAGES)('%s in dark mode has no serious or critical axe violation', async (_name, path) => {
    const context = await browser.newContext({ bypassCSP: true, locale: 'fr-FR', colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${stack.publisher.url}${path}`);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document);
      return result.violations.map(({ id, impact, nodes }) => ({
        id,
        impact,
        targets: nodes.map((node) => node.target),
      }));
    });
    await context.close();
    expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);
  });
});
