import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { adminLogin, createAdminUser } from '../helpers/content.ts';
import { contentBuildsSince, createEveningDrafts, EVENT_UID, SPEAKER_UID } from '../helpers/evenings.ts';
import { englishWordsIn } from '../helpers/english-words.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';
import { fileForm, tinyPng } from '../helpers/uploads.ts';

const EDITOR = { email: 'programmation@clermontech.test', password: 'Programmation-Passw0rd!' };
const SPEAKERS = ['Nadia Rousseau', 'Olivier Chevalier', 'Pauline Girard'];
const TALKS = ['Rust au quotidien', 'Accessibilité sans douleur', 'Le cache, ce héros'];

/** Counts what the volunteer does: clicks and fields filled. */
class Volunteer {
  clicks = 0;
  fields = 0;
  readonly englishSeen = new Map<string, string[]>();

  constructor(readonly page: Page) {}

  async click(locator: ReturnType<Page['locator']>) {
    this.clicks += 1;
    await locator.click({ timeout: 60_000 });
  }

  async fill(locator: ReturnType<Page['locator']>, value: string) {
    this.fields += 1;
    await locator.fill(value);
  }

  /** Records the lines of the screen's visible text that hold English words. */
  async scan(screen: string, page: Page = this.page) {
    const lines = (await page.locator('body').innerText()).split('\n').filter((line) => englishWordsIn(line).length > 0);
    if (lines.length > 0) this.englishSeen.set(screen, lines);
  }
}

describe('a volunteer publishes an evening in one click', () => {
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

  it('previews the evening with its draft programme, clicks "Publier la soirée" once, and the page is live with its three speakers', async () => {
    // The evening as a volunteer saved it: three talks, one new speaker with a photo, all drafts.
    const token = await adminLogin(stack.cms.url, EDITOR.email, EDITOR.password);
    const evening = await createEveningDrafts(stack.cms, token, {
      title: 'API Hour #97',
      slug: 'api-hour-97',
      talks: TALKS.map((title, index) => ({ title, slug: `talk-97-${index + 1}`, speakers: [{ name: SPEAKERS[index]!, slug: `speaker-97-${index + 1}` }] })),
    });
    const upload = await stack.cms.fetch('/upload', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: fileForm('nadia.png', 'image/png', tinyPng()) });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const [photo] = (await upload.json()) as { id: number }[];
    const speaker = await stack.cms.fetch(`/content-manager/collection-types/${SPEAKER_UID}/${evening.speakers[0]}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: SPEAKERS[0], photo: photo!.id }),
    });
    expect(speaker.status).toBe(200);

    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const volunteer = new Volunteer(page);

    // Before logging in, in a browser that never opened the admin: French.
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('h1').first().innerText()).toMatch(/Bienvenue/);
    await volunteer.scan('connexion');
    await volunteer.fill(page.locator('input[name="email"]'), EDITOR.email);
    await volunteer.fill(page.locator('input[name="password"]'), EDITOR.password);
    await volunteer.click(page.locator('button[type="submit"]'));
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/${EVENT_UID}/${evening.event}`);
    const publishEvening = page.getByRole('button', { name: 'Publier la soirée' });
    await publishEvening.waitFor({ timeout: 60_000 });
    await volunteer.scan('fiche de l’événement');
    await page.screenshot({ path: artifactPath('admin-evening-publish.png') });

    // The preview shows the whole programme, drafts included.
    await volunteer.click(page.getByRole('link', { name: /aperçu/i }));
    const preview = page.frameLocator('[data-testid="preview-iframe"]');
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 60_000 }).toContain(SPEAKERS[2]);
    const previewText = await preview.locator('body').innerText();
    for (const text of [...TALKS, ...SPEAKERS]) expect(previewText).toContain(text);
    await volunteer.scan('aperçu');
    await page.goBack();
    await publishEvening.waitFor({ timeout: 60_000 });

    const before = await stack.publisher.settled();
    const mark = stack.publisher.output().length;
    await volunteer.click(publishEvening);
    await expect.poll(() => page.getByText('Soirée publiée').first().innerText(), { timeout: 60_000 }).toBe(
      'Soirée publiée : l’événement, 3 talks et 3 speakers. Le site public se met à jour dans quelques secondes.',
    );
    await volunteer.scan('publication');
    await stack.publisher.settledAfter(before, 'the evening’s release');
    expect(contentBuildsSince(stack.publisher, mark), stack.publisher.output().slice(mark)).toBe(1);

    const site = await context.newPage();
    await site.goto(`${stack.publisher.url}/api-hours/api-hour-97/`);
    const pageText = await site.locator('main').innerText();
    for (const text of [...TALKS, ...SPEAKERS]) expect(pageText).toContain(text);
    const published = await stack.cms.fetch(`/api/speakers?filters[slug][$eq]=speaker-97-1&populate=photo`);
    expect(((await published.json()) as { data: { photo: { name: string } | null }[] }).data[0]?.photo?.name).toBe('nadia.png');

    console.log(`evening publish: ${volunteer.clicks} clicks, ${volunteer.fields} fields, 1 publish action`);

    // And off the site again, from the same page's menu, after a confirmation.
    await page.getByRole('button', { name: 'Plus d\'actions sur les documents' }).click();
    await page.getByRole('menuitem', { name: 'Dépublier la soirée' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Dépublier la soirée' }).click();
    await expect.poll(() => page.getByText('Soirée dépubliée').first().innerText(), { timeout: 60_000 }).toMatch(/^Soirée dépubliée : l’événement, 3 talks et 3 speakers\./);
    await volunteer.scan('dépublication');
    await expect.poll(async () => (await stack.publisher.get('/api-hours/api-hour-97/')).status, { timeout: 120_000, interval: 500 }).toBe(404);
    expect(Object.fromEntries(volunteer.englishSeen)).toEqual({});
    await context.close();
  });
  it('programmes an evening through the admin’s forms: a new speaker with a photo, the event, three talks; then one "Publier la soirée"', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const volunteer = new Volunteer(page);
    const started = performance.now();
    const saved = async () => {
      await volunteer.click(page.getByRole('button', { name: 'Enregistrer' }));
      await page.waitForURL((url) => !url.pathname.endsWith('/create'), { timeout: 60_000 });
    };
    const pick = async (field: string, option: RegExp) => {
      await volunteer.click(page.getByRole('combobox', { name: field }));
      await page.getByRole('option', { name: option }).first().waitFor({ timeout: 60_000 });
      await volunteer.scan(`liste « ${field} »`);
      await volunteer.click(page.getByRole('option', { name: option }).first());
    };
    const createEntry = async (type: string) => {
      await volunteer.click(page.getByRole('link', { name: type, exact: true }));
      await volunteer.click(page.getByRole('link', { name: 'Créer une nouvelle entrée' }).first());
      await page.getByRole('button', { name: 'Enregistrer' }).waitFor({ timeout: 60_000 });
    };

    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await volunteer.fill(page.locator('input[name="email"]'), EDITOR.email);
    await volunteer.fill(page.locator('input[name="password"]'), EDITOR.password);
    await volunteer.click(page.locator('button[type="submit"]'));
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
    await volunteer.click(page.getByRole('link', { name: 'Gestion du contenu' }));

    // A new speaker, with a photo.
    await createEntry('Speaker');
    await volunteer.fill(page.getByRole('textbox', { name: 'Nom' }), 'Quentin Perrin');
    await volunteer.click(page.getByRole('button', { name: /Cliquer pour ajouter un média/ }));
    await volunteer.click(page.getByRole('button', { name: 'Ajouter plus de médias' }));
    volunteer.clicks += 1; // choosing the file in the system dialog
    await page.locator('input[type=file]').setInputFiles({ name: 'quentin.png', mimeType: 'image/png', buffer: tinyPng() });
    await volunteer.click(page.getByRole('button', { name: /Importer 1 média/ }));
    await volunteer.click(page.getByRole('button', { name: 'Terminer' }));
    await volunteer.scan('speaker');
    await saved();

    // The evening.
    await createEntry('Événement');
    await volunteer.fill(page.getByRole('textbox', { name: 'Titre' }), 'API Hour #98');
    volunteer.fields += 1;
    await page.getByRole('combobox', { name: 'Choose date' }).first().click();
    await page.keyboard.type('16/04/2027');
    await page.keyboard.press('Enter');
    volunteer.fields += 1;
    await page.getByRole('combobox', { name: 'Choose time' }).first().fill('19:00');
    await page.getByRole('combobox', { name: 'Choose time' }).first().press('Enter');
    await volunteer.scan('nouvel événement');
    await saved();
    const eventUrl = page.url();

    // Three talks, each linked to its speaker and to the evening.
    const talks = [
      { title: 'Du code qui se lit', speaker: /^Quentin Perrin/ },
      { title: 'Tester en production', speaker: /^Camille Roche/ },
      { title: 'Les index expliqués', speaker: /^Yanis Morel/ },
    ];
    for (const talk of talks) {
      await createEntry('Talk');
      await volunteer.fill(page.getByRole('textbox', { name: 'Titre' }), talk.title);
      await pick('Speakers', talk.speaker);
      await pick('Événement', /^API Hour #98/);
      await volunteer.fill(page.getByRole('textbox', { name: 'Durée (minutes)' }), '20');
      await volunteer.scan('nouveau talk');
      await saved();
    }

    // Back to the evening: preview it, then publish it.
    await page.goto(eventUrl);
    volunteer.clicks += 1; // the event in the list
    const publishEvening = page.getByRole('button', { name: 'Publier la soirée' });
    await publishEvening.waitFor({ timeout: 60_000 });
    await volunteer.click(page.getByRole('link', { name: /aperçu/i }));
    const preview = page.frameLocator('[data-testid="preview-iframe"]');
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 60_000 }).toContain('Yanis Morel');
    await volunteer.scan('aperçu');
    await volunteer.click(page.getByRole('link', { name: 'Fermer l’aperçu' }).or(page.getByRole('button', { name: 'Fermer l’aperçu' })));
    const before = await stack.publisher.settled();
    const mark = stack.publisher.output().length;
    await volunteer.click(publishEvening);
    await expect.poll(() => page.getByText('Soirée publiée').first().innerText(), { timeout: 60_000 }).toMatch(/^Soirée publiée : l’événement, 3 talks et 3 speakers\./);
    await volunteer.scan('publication');
    await stack.publisher.settledAfter(before, 'the evening’s release');
    const minutes = (performance.now() - started) / 60_000;
    expect(contentBuildsSince(stack.publisher, mark), stack.publisher.output().slice(mark)).toBe(1);

    const site = await context.newPage();
    await site.goto(`${stack.publisher.url}/api-hours/api-hour-98/`);
    const pageText = await site.locator('main').innerText();
    for (const text of [...talks.map((talk) => talk.title), 'Quentin Perrin', 'Camille Roche', 'Yanis Morel']) expect(pageText).toContain(text);
    console.log(`evening programmed through the forms: ${volunteer.clicks} clicks, ${volunteer.fields} fields, 1 publish action, ${minutes.toFixed(1)} min`);
    expect(Object.fromEntries(volunteer.englishSeen)).toEqual({});
    await context.close();
  });
});
