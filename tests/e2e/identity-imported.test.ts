import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startCms, type RunningCms } from '../helpers/cms.ts';
import { occurrences, screenshotMatrix } from '../helpers/page-checks.ts';
import { freePort } from '../helpers/ports.ts';
import { startPublisher, type RunningPublisher } from '../helpers/publisher.ts';
import { listAll, removeUploads, runImporter, stopImporters } from '../helpers/importer.ts';

/** The words of the page's main content a reader sees (not the names screen readers get in hidden spans). */
function shownText(page: Page): Promise<string> {
  return page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('.visually-hidden, script, style, template')) hidden.remove();
    return copy.textContent ?? '';
  });
}

/**
 * The association's old site imported, built and served: its evenings say each thing once, and the
 * header and footer carry its own logo and mascot (set in the site settings by the importer).
 */
describe('the imported site, in a browser', () => {
  let cms: RunningCms;
  let publisher: RunningPublisher;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const sitePort = await freePort();
    cms = await startCms({
      seedDemo: false,
      env: { SITE_PORT: String(sitePort), SITE_URL: `http://127.0.0.1:${sitePort}` },
    });
    await cms.stop();
    const run = await runImporter(cms);
    if (run.code !== 0) throw new Error(`import failed (${run.code}):\n${run.stderr.slice(-3000)}`);
    await cms.restart();
    [publisher, browser] = await Promise.all([startPublisher(cms, sitePort), launchBrowser()]);
    context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    // Importing the whole old site, then building it, takes minutes on a busy two-core machine.
  }, 600_000);
  afterAll(async () => {
    stopImporters();
    await context?.close();
    await browser?.close();
    await publisher?.stop();
    if (cms) await removeUploads(cms).catch(() => undefined);
    await cms?.destroy();
  });

  it('gives the site settings the old site’s logo and mascot, shown in the header and the footer', async () => {
    const global = (await (
      await cms.fetch('/api/global?populate[logo][fields][0]=name&populate[mascot][fields][0]=name')
    ).json()) as { data: { logo: { name: string } | null; mascot: { name: string } | null } };
    expect(global.data.logo?.name).toBe('clermontech_logo_200px.png');
    expect(global.data.mascot?.name).toBe('clermontech_mascotte_400px.png');
    const page = await context.newPage();
    await page.goto(`${publisher.url}/api-hours/api-hour-40/`);
    for (const selector of ['.site-header .brand img', '.site-footer .footer-identity img']) {
      const image = page.locator(selector).first();
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0), {
          message: selector,
        })
        .toBe(true);
    }
    await page.close();
  });

  it('API Hour #40 shows its programme once, from its talks, with the rest of its page', async () => {
    const page = await context.newPage();
    await page.goto(`${publisher.url}/api-hours/api-hour-40/`);
    const titles = await page.locator('main ol.programme > li .talk-title').allTextContents();
    expect(titles).toHaveLength(4);
    const text = await shownText(page);
    for (const title of titles) expect(occurrences(text, title), title).toBe(1);
    expect(occurrences(text, 'Retour d’expérience sur le travail en indépendant')).toBe(0);
    expect(occurrences(text, 'Trois ou quatre conférences courtes')).toBe(1);
    expect(await page.getByRole('heading', { name: /^Programme$/i }).count()).toBe(1);
    await page.close();
  });

  it('no API Hour repeats its lead or a talk of its programme', async () => {
    const events = await listAll<{ slug: string }>(cms, 'events', 'filters[kind][$eq]=api-hour&fields[0]=slug');
    expect(events.length).toBeGreaterThan(40);
    const repeated: string[] = [];
    const page = await context.newPage();
    for (const { slug } of events) {
      await page.goto(`${publisher.url}/api-hours/${slug}/`);
      const text = await shownText(page);
      const lead = await page
        .locator('main .lead')
        .first()
        .textContent({ timeout: 100 })
        .catch(() => null);
      if (lead && occurrences(text, lead) > 1) repeated.push(`${slug}: lead "${lead.slice(0, 60)}"`);
      for (const title of await page.locator('main ol.programme > li .talk-title').allTextContents()) {
        if (occurrences(text, title) > 1) repeated.push(`${slug}: talk "${title}"`);
      }
    }
    await page.close();
    expect(repeated).toEqual([]);
  });

  it('shows a speaker’s photo and every talk with its evening and date', async () => {
    // A speaker of several evenings whose photo the old site had.
    const speakers = await listAll<{ slug: string; photo: { url: string } | null; talks: { documentId: string }[] }>(
      cms,
      'speakers',
      'populate[photo][fields][0]=url&populate[talks][fields][0]=documentId',
    );
    const speaker = speakers
      .filter((candidate) => candidate.photo && candidate.talks.length > 1)
      .sort((a, b) => b.talks.length - a.talks.length)[0];
    expect(speaker).toBeDefined();
    const page = await context.newPage();
    await page.goto(`${publisher.url}/speakers/${speaker!.slug}/`);
    const photo = page.locator('main img.portrait');
    await expect
      .poll(() => photo.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
      .toBe(true);
    const talks = await page.locator('main ul.stack > li').evaluateAll((items) =>
      items.map((item) => ({
        links: item.querySelectorAll('a').length,
        date: item.querySelector('time')?.getAttribute('datetime') ?? '',
      })),
    );
    expect(talks).toHaveLength(speaker!.talks.length);
    for (const talk of talks) expect(talk).toEqual({ links: 2, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    await page.close();
  });

  it('lists no link twice in the footer', async () => {
    const page = await context.newPage();
    await page.goto(`${publisher.url}/`);
    const links = await page
      .locator('.site-footer a')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href.replace(/\/$/, '')));
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((href, index) => links.indexOf(href) !== index)).toEqual([]);
    await page.close();
  });

  it.each([
    ['imported-api-hour', '/api-hours/api-hour-40/'],
    ['imported-talk', '/api-hours/api-hour-40/ → its second talk'],
    ['imported-home', '/'],
  ])(
    '%s (%s) at 390, 768 and 1280 px, light and dark: screenshots, and nothing wider than a phone',
    async (name, path) => {
      let url = `${publisher.url}${path}`;
      if (path.includes('→')) {
        const page = await context.newPage();
        await page.goto(`${publisher.url}/api-hours/api-hour-40/`);
        url = new URL(
          (await page.locator('main ol.programme > li .talk-title').nth(1).getAttribute('href'))!,
          publisher.url,
        ).href;
        await page.close();
      }
      const shots = await screenshotMatrix(browser, url, name);
      expect(
        shots
          .filter((shot) => shot.overflow > 0)
          .map(({ width, scheme, overflow }) => `${width} ${scheme}: ${overflow}px`),
      ).toEqual([]);
    },
  );
});
