import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { createAdminUser, findBySlug } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

const EDITOR = { email: 'editeur-slug@clermontech.test', password: 'Editeur-Passw0rd!' };
const OLD_PATH = '/talks/files-de-messages-sans-douleur/';
const NEW_TITLE = 'Files de messages : sans douleur, vraiment';
const NEW_SLUG = 'files-de-messages-vraiment';

describe('a published talk changes its address in the admin', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    await createAdminUser(stack.cms.url, await stack.cms.adminToken(), 'Editor', EDITOR.email, EDITOR.password);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
  });

  it('as an Editor: new title and slug, Publier; the old URL answers 301 to the new page, which has the new title', async () => {
    expect((await stack.publisher.get(OLD_PATH)).status).toBe(200);
    const talk = await findBySlug(stack.cms.url, 'talks', 'files-de-messages-sans-douleur');
    const before = await stack.publisher.settled();

    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(EDITOR.email);
    await page.locator('input[name="password"]').fill(EDITOR.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::talk.talk/${talk.documentId}`);
    const title = page.locator('input[name="title"]');
    await title.waitFor({ timeout: 60_000 });
    await title.fill(NEW_TITLE);
    await page.locator('input[name="slug"]').fill(NEW_SLUG);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.screenshot({ path: artifactPath('admin-talk-new-slug.png') });

    await stack.publisher.settledAfter(before, 'the release with the new slug');
    const moved = await stack.publisher.get(OLD_PATH, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(new URL(moved.headers.get('location')!).pathname).toBe(`/talks/${NEW_SLUG}/`);
    const site = await context.newPage();
    const response = await site.goto(`${stack.publisher.url}${OLD_PATH}`);
    expect(response?.status()).toBe(200);
    expect(new URL(site.url()).pathname).toBe(`/talks/${NEW_SLUG}/`);
    expect(await site.locator('h1').textContent()).toContain(NEW_TITLE);
    await context.close();
  });
});
