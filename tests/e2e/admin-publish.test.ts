import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { createAdminUser, findBySlug } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

const EDITOR = { email: 'editrice@clermontech.test', password: 'Editrice-Passw0rd!' };

async function logIn(page: Page, cmsUrl: string) {
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(EDITOR.email);
  await page.locator('input[name="password"]').fill(EDITOR.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}

describe('a volunteer publishes from the admin', () => {
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

  it('changes an event’s title as an Editor, publishes, and sees it live; the widget follows the build', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1400, height: 1000 },
    });
    const home = await context.newPage();
    await logIn(home, stack.cms.url);
    const widget = home.getByTestId('site-public-status');
    await expect
      .poll(() => widget.textContent(), { timeout: 60_000 })
      .toMatch(/^En ligne depuis le \d{1,2} \p{L}+ à \d{2}:\d{2}$/u);
    const before = await stack.publisher.settled();

    const event = await findBySlug(stack.cms.url, 'events', 'api-hour-73');
    const editor = await context.newPage();
    await editor.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::event.event/${event.documentId}`);
    const title = editor.locator('input[name="title"]');
    await title.waitFor({ timeout: 60_000 });
    await title.fill('API Hour #73 : publié depuis l’admin');
    await editor.screenshot({ path: artifactPath('admin-event-edit.png') });
    // On an event, the main button publishes the evening: the changed title is saved first.
    await editor.getByRole('button', { name: 'Publier la soirée' }).click();

    // The widget, open in another tab, shows the build running, then the new release's time.
    await expect.poll(() => widget.textContent(), { timeout: 60_000, interval: 200 }).toContain('publication en cours');
    const after = await stack.publisher.settledAfter(before, 'the new release');
    const liveSince = new Date(after.release!.liveSince!);
    const liveDay = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      day: 'numeric',
      month: 'long',
    }).format(liveSince);
    const liveTime = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }).format(liveSince);
    await expect
      .poll(() => widget.textContent(), { timeout: 30_000 })
      .toBe(`En ligne depuis le ${liveDay} à ${liveTime}`);
    expect(after.release?.id).not.toBe(before.release?.id);
    await home.screenshot({ path: artifactPath('admin-site-public-widget.png'), fullPage: true });

    const site = await context.newPage();
    await site.goto(`${stack.publisher.url}/api-hours/api-hour-73/`);
    await expect.poll(() => site.locator('h1').textContent()).toContain('API Hour #73 : publié depuis l’admin');
    await context.close();
  });
});
