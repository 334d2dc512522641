import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { linkIn, storedRegistrations } from '../helpers/registrations.ts';
import { findBySlug } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The demo content's upcoming evening that takes registrations on the site. */
const EVENT_PATH = '/api-hours/api-hour-74/';

async function fillForm(page: Page, name: string, email: string) {
  await page.getByLabel('Votre nom').fill(name);
  await page.getByLabel('Votre e-mail').fill(email);
  await page.getByLabel(/première fois/).check();
  await page.getByLabel(/Besoins d’accessibilité/).fill('Une place près de l’écran');
}

describe('the registration form, in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let smtp: SmtpSink;
  let eventId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    [stack, browser] = await Promise.all([
      startStack({ env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } }),
      launchBrowser(),
    ]);
    eventId = (await findBySlug(stack.cms.url, 'events', 'api-hour-74')).documentId;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
    await smtp?.close();
  });

  const open = async (javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${stack.publisher.url}${EVENT_PATH}`);
    return { context, page };
  };

  it('works without JavaScript: the form says why data is kept, a refusal shows the form again, then the answer page', async () => {
    const { context, page } = await open(false);
    expect(await page.locator('[data-registration-places]').textContent()).toContain('50 places');
    expect(await page.locator('.registration .privacy').textContent()).toContain('effacés 30 jours après l’événement');
    // Valid for the browser (type=email), refused by the CMS: the round trip through the server.
    await fillForm(page, 'Sans Script', 'sans-script@localhost');
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Cette adresse e-mail ne semble pas valide.');
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Sans Script');
    expect(await page.getByLabel(/première fois/).isChecked()).toBe(true);

    await page.getByLabel('Votre e-mail').fill('sans-script@example.org');
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await page.waitForURL(`${stack.publisher.url}/inscription/merci/`);
    expect(await page.locator('h1').textContent()).toContain('vérifiez vos e-mails');
    await page.screenshot({ path: artifactPath('registration-no-js-sent.png'), fullPage: true });

    // The e-mail's link, opened in the same browser, lands on the confirmation page.
    const ask = await smtp.waitForMail('sans-script@example.org', /Confirmez votre inscription/);
    await page.goto(`${stack.cms.url}${linkIn(ask, 'confirm')}`);
    await page.waitForURL(`${stack.publisher.url}/inscription/confirmee/`);
    expect(await page.locator('h1').textContent()).toContain('Inscription confirmée');
    await context.close();

    const stored = (await storedRegistrations(stack.cms, eventId)).filter(
      (row) => row.email === 'sans-script@example.org',
    );
    expect(stored).toEqual([
      expect.objectContaining({
        registrationStatus: 'confirmed',
        name: 'Sans Script',
        firstTime: true,
        accessibilityNeeds: 'Une place près de l’écran',
      }),
    ]);
  });

  it.each([EVENT_PATH, '/inscription/merci/', '/inscription/liste-d-attente/'])(
    '%s has no serious or critical accessibility violation (axe-core)',
    async (path) => {
      // axe is injected by the test, so this context alone ignores the site's CSP.
      const context = await browser.newContext({ bypassCSP: true, locale: 'fr-FR' });
      const page = await context.newPage();
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
        return (await axe.run(document)).violations.map(({ id, impact, nodes }) => ({
          id,
          impact,
          count: nodes.length,
        }));
      });
      await context.close();
      expect(violations.filter(({ impact }) => impact === 'serious' || impact === 'critical')).toEqual([]);
    },
  );

  it('works with JavaScript: places left read from the CMS, errors and the answer shown on the page', async () => {
    const confirmedBefore = (await storedRegistrations(stack.cms, eventId)).filter(
      (row) => row.registrationStatus === 'confirmed',
    ).length;
    const { context, page } = await open(true);
    await expect
      .poll(() => page.locator('[data-registration-places]').textContent())
      .toBe(`${50 - confirmedBefore} places restantes`);

    await fillForm(page, 'Avec Script', 'avec-script@localhost');
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await expect
      .poll(() => page.locator('[data-registration-error]').textContent())
      .toContain('Cette adresse e-mail ne semble pas valide.');
    expect(page.url()).toBe(`${stack.publisher.url}${EVENT_PATH}`);
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Avec Script');

    await page.getByLabel('Votre e-mail').fill('avec-script@example.org');
    await page.getByRole('button', { name: 'M’inscrire' }).click();
    await page.locator('[data-registration-done]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-registration-done]').textContent()).toContain('vérifiez vos e-mails');
    await page.screenshot({ path: artifactPath('registration-js-sent.png'), fullPage: true });

    const ask = await smtp.waitForMail('avec-script@example.org', /Confirmez votre inscription/);
    const confirmed = await stack.cms.fetch(linkIn(ask, 'confirm'), { redirect: 'manual' });
    expect(confirmed.headers.get('location')).toMatch(/\/inscription\/confirmee\/$/);
    // Past the availability's few seconds of cache, a fresh page shows one place fewer.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('[data-registration-places]').textContent();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(`${49 - confirmedBefore} places restantes`);
    await context.close();
  });
});
