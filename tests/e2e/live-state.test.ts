import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { adminLogin, createAdminUser, createDraft, findBySlug } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

const EDITOR = { email: 'editrice-etat@clermontech.test', password: 'Editrice-Passw0rd!' };
const TALK = 'api::talk.talk';

describe('an entry’s edit view says where it is live', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    await createAdminUser(stack.cms.url, await stack.cms.adminToken(), 'Editor', EDITOR.email, EDITOR.password);
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1400, height: 1000 },
    });
    page = await context.newPage();
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(EDITOR.email);
    await page.locator('input[name="password"]').fill(EDITOR.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
  });

  const state = () => page.getByTestId('live-state').textContent({ timeout: 60_000 });

  it('a published talk: « En ligne » with its link; saved → « Modifié depuis la publication »; published → « Publication en cours… » then « En ligne »', async () => {
    const talk = await findBySlug(stack.cms.url, 'talks', 'un-site-web-de-14-ko');
    await stack.publisher.settled();
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/${TALK}/${talk.documentId}`);
    await expect.poll(state, { timeout: 60_000 }).toBe('En ligne');
    expect(await page.getByTestId('live-state-link').getAttribute('href')).toBe(
      `${stack.publisher.url}/talks/un-site-web-de-14-ko/`,
    );
    expect(await page.getByTestId('live-state-link').textContent()).toContain('Voir sur le site');

    await page.locator('input[name="title"]').fill('Un site web de 14 ko, et pas un de plus');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect.poll(state, { timeout: 30_000 }).toBe('Modifié depuis la publication');
    await page.screenshot({ path: artifactPath('admin-live-state-modified.png') });

    const before = await stack.publisher.status();
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await state()) ?? '');
          return seen.has('En ligne') && [...seen].some((label) => /^Publication en cours… ~\d+ s$/.test(label));
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBe(true);
    await stack.publisher.settledAfter(before, 'the published change');
    expect(await state()).toBe('En ligne');
  });

  it('a draft never published: « Brouillon », no link', async () => {
    const token = await adminLogin(stack.cms.url, EDITOR.email, EDITOR.password);
    const draft = await createDraft(stack.cms.url, token, TALK, {
      title: 'Un talk en préparation',
      slug: 'un-talk-en-preparation',
    });
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/${TALK}/${draft.documentId}`);
    await expect.poll(state, { timeout: 60_000 }).toBe('Brouillon');
    expect(await page.getByTestId('live-state-link').count()).toBe(0);
    await page.screenshot({ path: artifactPath('admin-live-state-draft.png') });
  });
});
