import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { findBySlug, publishChange } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Stored XSS attempts typed into a talk's abstract by a malicious or careless editor. */
const XSS_ABSTRACT = [
  'Résumé piégé.',
  '<script>window.__xss = "script"; alert("script")</script>',
  '<img src="x" onerror="window.__xss = \'onerror\'; alert(\'onerror\')">',
  '<svg onload="alert(\'svg\')"></svg>',
  "[un lien](javascript:alert('markdown-link'))",
  '<a href="javascript:alert(\'html-link\')">clic</a>',
  '<iframe src="javascript:alert(\'iframe\')"></iframe>',
  '<details open ontoggle="alert(\'toggle\')">x</details>',
].join('\n\n');

describe('the public site in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  const dialogs: string[] = [];

  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(`${stack.publisher.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.destroy();
  });

  it('shows the next event on the home page', async () => {
    const page = await open('/');
    await expect.poll(() => page.locator('#next-event-title').textContent()).toContain('API Hour #73');
    await expect
      .poll(() => page.getByRole('link', { name: /S’inscrire/ }).getAttribute('href'))
      .toBe('https://mobilizon.example/events/api-hour-73');
    await page.screenshot({ path: artifactPath('site-home.png'), fullPage: true });
  });

  it('shows an event’s programme', async () => {
    const page = await open('/api-hours/api-hour-73/');
    const programme = page.locator('main ol.programme > li .talk-title');
    await expect
      .poll(() => programme.allTextContents())
      .toEqual(['Des files de messages sans douleur', 'Un site web de 14 Ko', 'Ma maison sans nuage']);
    await expect.poll(() => page.locator('main ol.programme > li').first().textContent()).toContain('Camille Roche');
    await page.screenshot({ path: artifactPath('site-event.png'), fullPage: true });
  });

  it('finds a talk by its speaker’s name, and the speaker (another bundle of the index)', async () => {
    const page = await open('/recherche/?q=Yanis');
    await expect
      .poll(() => page.locator('.pagefind-ui__result-title').allTextContents(), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([expect.stringContaining('Un site web de 14 Ko'), expect.stringContaining('Yanis')]),
      );
  });

  it('loads nothing from the video host until the reader asks', async () => {
    const requests: string[] = [];
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${stack.publisher.url}/talks/tout-est-un-fold/`);
    expect(requests.filter((url) => !url.startsWith(stack.publisher.url))).toEqual([]);
    await page.getByRole('button', { name: /vidéo/i }).click();
    await expect
      .poll(() => page.locator('iframe').getAttribute('src'))
      .toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ/);
  });

  it('runs no script typed into a talk abstract', async () => {
    const before = await stack.publisher.settled();
    const talk = await findBySlug(stack.cms.url, 'talks', 'ma-maison-sans-nuage');
    await publishChange(stack.cms.url, await stack.cms.adminToken(), 'api::talk.talk', talk.documentId, {
      abstract: XSS_ABSTRACT,
    });
    await stack.publisher.settledAfter(before, 'the rebuild');
    for (const path of ['/talks/ma-maison-sans-nuage/', '/api-hours/api-hour-73/', '/talks/', '/speakers/lea-fabre/']) {
      const page = await open(path);
      if (path.startsWith('/talks/ma-maison'))
        await expect.poll(() => page.locator('main').textContent()).toContain('Résumé piégé.');
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
      expect(
        await page
          .locator(
            'main script:not([type="application/ld+json"]), main iframe, main [onerror], main [onload], main [ontoggle], main a[href^="javascript:"]',
          )
          .count(),
      ).toBe(0);
    }
    expect(dialogs).toEqual([]);
  });

  it('keeps a wide table, a long code line and a long link inside a phone screen', async () => {
    const cells = (cell: string) => Array.from({ length: 8 }, (_, index) => `<td>${cell}${index}</td>`).join('');
    const body = [
      'Nos partenaires du workshop :',
      `<table><tr>${cells('Sponsor-au-nom-très-long-')}</tr><tr>${cells('https://sponsor.example/logo-')}</tr></table>`,
      `\`\`\`\n${'const ligneDeCodeTresLongue = '.repeat(20)}\n\`\`\``,
      `Lien brut : https://example.org/${'unCheminSansEspace'.repeat(15)}`,
    ].join('\n\n');
    const before = await stack.publisher.settled();
    const post = await findBySlug(stack.cms.url, 'posts', 'retour-sur-le-workshop-accessibilite');
    await publishChange(stack.cms.url, await stack.cms.adminToken(), 'api::post.post', post.documentId, { body });
    await stack.publisher.settledAfter(before, 'the rebuild');
    const phone = await browser.newContext({
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(`${stack.publisher.url}/blog/retour-sur-le-workshop-accessibilite/`);
    await expect.poll(() => page.locator('main table td').count()).toBe(16);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('main table')!.scrollWidth,
      code: document.querySelector('main pre')!.scrollWidth,
    }));
    await page.screenshot({ path: artifactPath('site-phone-wide-content.png'), fullPage: true });
    await phone.close();
    // The table and the code are wider than the screen, and scroll inside themselves.
    expect(widths.table).toBeGreaterThan(390);
    expect(widths.code).toBeGreaterThan(390);
    expect(widths.page).toBeLessThanOrEqual(390);
  });

  describe('accessibility (axe-core)', () => {
    it.each([
      '/evenements/workshop-kubernetes-de-zero-a-la-production/',
      '/groups/clermontech-php/clermontech-php-php-8-5-en-pratique/',
      '/',
      '/api-hours/api-hour-73/',
      '/talks/files-de-messages-sans-douleur/',
      '/blog/',
      '/blog/bienvenue-sur-le-nouveau-site/',
      '/proposer-un-talk/',
    ])('%s has no serious or critical violation', async (path) => {
      // axe is injected by the test, so this context alone ignores the site's CSP.
      const axeContext = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
      const page = await axeContext.newPage();
      await page.goto(`${stack.publisher.url}${path}`);
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations.map(({ id, impact, nodes }) => ({ id, impact, count: nodes.length }));
      });
      await axeContext.close();
      expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);
    });
  });
});
