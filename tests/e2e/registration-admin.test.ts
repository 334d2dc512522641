import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { startCms, type RunningCms } from '../helpers/cms.ts';
import { adminLogin, createAdminUser, createDraft, findBySlug } from '../helpers/content.ts';
import { linkIn, registrationForm, sendRegistration, storedRegistrations } from '../helpers/registrations.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

const EDITOR = { email: 'porte@clermontech.test', password: 'Porte-Passw0rd!' };
const AUTHOR = { email: 'auteur@clermontech.test', password: 'Auteur-Passw0rd!' };

async function logIn(page: Page, cmsUrl: string, who: { email: string; password: string }) {
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
}

describe('the « Inscriptions » panel of an event, in the admin', () => {
  let cms: RunningCms;
  let smtp: SmtpSink;
  let browser: Browser;
  let eventId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    [cms, browser] = await Promise.all([
      startCms({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } }),
      launchBrowser(),
    ]);
    const token = await cms.adminToken();
    await createAdminUser(cms.url, token, 'Editor', EDITOR.email, EDITOR.password);
    await createAdminUser(cms.url, token, 'Author', AUTHOR.email, AUTHOR.password);
    eventId = (await findBySlug(cms.url, 'events', 'api-hour-74')).documentId;
    for (const [name, email] of [
      ['Hélène Porte', 'helene@example.org'],
      ['Marc Entrée', 'marc@example.org'],
    ] as const) {
      expect((await sendRegistration(cms, registrationForm(eventId, { name, email }))).status).toBe(201);
      const ask = await smtp.waitForMail(email, /Confirmez/);
      expect((await cms.fetch(linkIn(ask, 'confirm'), { redirect: 'manual' })).status).toBe(303);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await cms?.destroy();
    await smtp?.close();
  });

  const openEvent = async (who: { email: string; password: string }, documentId = eventId) => {
    // A phone's screen: the door list is used standing at the entrance.
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await logIn(page, cms.url, who);
    await page.goto(`${cms.url}/admin/content-manager/collection-types/api::event.event/${documentId}`);
    return { context, page };
  };

  it('gives an Editor the counts and a door list: search a name, tap « Présent·e »', async () => {
    const { context, page } = await openEvent(EDITOR);
    // On a phone, Strapi folds the side panels into a drawer at the bottom of the screen.
    await page
      .getByRole('button', { name: 'Ouvrir plus d’actions' })
      .or(page.getByRole('button', { name: "Ouvrir plus d'actions" }))
      .click({ timeout: 60_000 });
    const counts = page.getByTestId('registration-counts');
    await expect
      .poll(() => counts.textContent(), { timeout: 60_000 })
      .toContain('2 / 50 confirmé·es, dont 0 présent·es');
    await page.getByLabel('Chercher un nom (liste à l’entrée)').fill('helene');
    await expect.poll(() => page.getByRole('button', { name: /^Présent·e/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Présent·e', exact: true }).click();
    await expect.poll(() => counts.textContent()).toContain('dont 1 présent·es');
    await page.screenshot({ path: artifactPath('registration-door-list.png'), fullPage: true });
    await context.close();
    const stored = await storedRegistrations(cms, eventId);
    expect(stored.find((row) => row.email === 'helene@example.org')?.registrationStatus).toBe('present');
    expect(stored.find((row) => row.email === 'marc@example.org')?.registrationStatus).toBe('confirmed');
  });

  it('shows an Author no attendee, even on an event of their own', async () => {
    const authorToken = await adminLogin(cms.url, AUTHOR.email, AUTHOR.password);
    const own = await createDraft(cms.url, authorToken, 'api::event.event', {
      title: 'Soirée de l’Author',
      slug: 'soiree-de-l-author',
      kind: 'other',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const { context, page } = await openEvent(AUTHOR, own.documentId);
    await page
      .getByRole('button', { name: 'Ouvrir plus d’actions' })
      .or(page.getByRole('button', { name: "Ouvrir plus d'actions" }))
      .click({ timeout: 60_000 });
    await page.getByText('Votre rôle ne permet pas de voir les inscriptions.').waitFor({ timeout: 60_000 });
    expect(await page.content()).not.toContain('helene@example.org');
    expect(await page.content()).not.toContain('Hélène Porte');
    await context.close();
  });
});
