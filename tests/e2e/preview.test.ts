import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { adminLogin, createAdminUser, createDraft } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

const AUTHOR = { email: 'autrice@clermontech.test', password: 'Autrice-Passw0rd!' };
const MARKER = `MARQUEUR-E2E-${Date.now().toString(36)}`;

describe('a volunteer previews a draft from the admin', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    await createAdminUser(stack.cms.url, await stack.cms.adminToken(), 'Author', AUTHOR.email, AUTHOR.password);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
  });

  it('as an Author: creates a draft talk, opens the preview, sees it with the banner; the public site does not have it', async () => {
    const token = await adminLogin(stack.cms.url, AUTHOR.email, AUTHOR.password);
    const talk = await createDraft(stack.cms.url, token, 'api::talk.talk', {
      title: `Mon talk ${MARKER}`,
      slug: 'mon-talk-en-brouillon',
    });

    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(AUTHOR.email);
    await page.locator('input[name="password"]').fill(AUTHOR.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::talk.talk/${talk.documentId}`);
    await page.getByRole('link', { name: /preview|aperçu/i }).click({ timeout: 60_000 });
    const preview = page.frameLocator('[data-testid="preview-iframe"]');
    await expect.poll(() => preview.locator('h1').textContent(), { timeout: 30_000 }).toBe(`Mon talk ${MARKER}`);
    expect(await preview.locator('[data-preview-banner]').textContent()).toBe('Aperçu — non publié');
    await page.screenshot({ path: artifactPath('admin-preview.png') });

    // The public site, built from published content only, knows nothing of it.
    const site = await context.newPage();
    const response = await site.goto(`${stack.publisher.url}/talks/mon-talk-en-brouillon/`);
    expect(response?.status()).toBe(404);
    await site.goto(`${stack.publisher.url}/talks/`);
    expect(await site.content()).not.toContain(MARKER);
    await context.close();
  });
});
