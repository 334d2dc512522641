import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/cms.ts';
import { createAdminUser } from '../helpers/content.ts';
import { contentBuildsSince } from '../helpers/evenings.ts';
import { englishWordsIn } from '../helpers/english-words.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';
import { tinyPng } from '../helpers/uploads.ts';

const EDITOR = { email: 'programmation@clermontech.test', password: 'Programmation-Passw0rd!' };
/** Two speakers the demo content already has, and one the volunteer creates with a photo. */
const TALKS = [
  {
    title: 'Du code qui se lit',
    abstract: 'Nommer, découper, relire : ce qui rend un code lisible.',
    slides: 'https://slides.example.org/code-lisible',
    speaker: 'Quentin Perrin',
  },
  { title: 'Tester en production', abstract: 'Des essais sans casser le site.', slides: '', speaker: 'Camille Roche' },
  {
    title: 'Les index expliqués',
    abstract: 'Pourquoi la requête est lente, et comment l’accélérer.',
    slides: '',
    speaker: 'Yanis Morel',
  },
];
const PUBLIC_PATH = '/api-hours/api-hour-98/';
/** Proper names left out of the scan, whatever words they are made of: the association's « Tech Time » (in the site's menu, seen in the preview). */
const ALLOWED = ['Tech Time'];
/**
 * The README's picture of the page is refreshed only on request (UPDATE_README_PICTURES=1): written on
 * every run, it would leave a checkout modified after each `npm test`. Otherwise it goes to the artifacts.
 */
const SCREENSHOT =
  process.env.UPDATE_README_PICTURES === '1'
    ? join(repoRoot, 'docs', 'images', 'programmer-une-soiree.png')
    : artifactPath('programmer-une-soiree.png');

/** Counts what the volunteer does: clicks and fields filled, and the English met on each screen. */
class Volunteer {
  clicks = 0;
  fields = 0;
  publishActions = 0;
  readonly englishSeen = new Map<string, string[]>();

  constructor(readonly page: Page) {}

  async click(locator: ReturnType<Page['locator']>) {
    this.clicks += 1;
    await locator.click({ timeout: 60_000 });
  }

  async fill(locator: ReturnType<Page['locator']>, value: string) {
    this.fields += 1;
    await locator.fill(value, { timeout: 60_000 });
  }

  /** Records the lines of the screen's visible text that hold English words. */
  async scan(screen: string, frame: Pick<Page, 'locator'> = this.page) {
    const text = await frame.locator('body').innerText();
    const lines = text
      .split('\n')
      .filter((line) => englishWordsIn(ALLOWED.reduce((rest, name) => rest.replaceAll(name, ''), line)).length > 0);
    if (lines.length > 0) this.englishSeen.set(screen, lines);
  }
}

/**
 * Asks for the public page every 200 ms until stopped: each time it is served, it must already
 * carry the whole programme (the evening is never online without its talks and speakers).
 */
function watchPublicPage(stack: Stack, expected: string[]) {
  const served: { at: number; complete: boolean }[] = [];
  let watching = true;
  const done = (async () => {
    while (watching) {
      const response = await stack.publisher.get(PUBLIC_PATH);
      const body = await response.text();
      if (response.status === 200)
        served.push({ at: performance.now(), complete: expected.every((text) => body.includes(text)) });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    served,
    async stop() {
      watching = false;
      await done;
    },
  };
}

describe('a volunteer programmes and publishes an evening from the admin alone', () => {
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

  it('logs in, fills "Programmer une soirée" with three talks (one new speaker with a photo), previews it, clicks "Publier la soirée" once: the page goes live whole', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const volunteer = new Volunteer(page);
    const started = performance.now();

    // Log in, in a browser that never opened the admin: French from the first screen.
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.locator('h1').first().innerText()).toMatch(/Bienvenue/);
    await volunteer.scan('connexion');
    await volunteer.fill(page.locator('input[name="email"]'), EDITOR.email);
    await volunteer.fill(page.locator('input[name="password"]'), EDITOR.password);
    await volunteer.click(page.locator('button[type="submit"]'));
    const menuLink = page.getByRole('link', { name: 'Programmer une soirée' });
    await menuLink.waitFor({ timeout: 60_000 });
    await volunteer.scan('accueil');

    // The guided page: the evening's facts, then its talks.
    await volunteer.click(menuLink);
    const save = page.getByRole('button', { name: 'Enregistrer la soirée' });
    await save.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('#programmer-une-soiree-speakers option').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await volunteer.scan('programmer une soirée');
    const evening = page.getByRole('region', { name: 'La soirée' });
    await volunteer.fill(evening.getByRole('textbox', { name: 'Titre' }), 'API Hour #98');
    await volunteer.fill(evening.getByRole('spinbutton', { name: 'Numéro' }), '98');
    await volunteer.fill(evening.getByLabel('Date'), '2027-04-16');
    await volunteer.fill(evening.getByLabel('Heure de début'), '19:00');
    await volunteer.fill(evening.getByRole('combobox', { name: 'Lieu' }), 'La Fabrique des Puys');
    await volunteer.fill(
      evening.getByRole('textbox', { name: 'Résumé' }),
      'Trois talks, puis on discute autour d’un verre.',
    );
    await volunteer.fill(
      evening.getByRole('textbox', { name: 'Lien d’inscription' }),
      'https://mobilizon.fr/events/api-hour-98',
    );

    for (const [index, talk] of TALKS.entries()) {
      if (index > 0) await volunteer.click(page.getByRole('button', { name: 'Ajouter un talk' }));
      const row = page.getByRole('group', { name: `Talk n° ${index + 1}` });
      await volunteer.fill(row.getByRole('textbox', { name: 'Titre' }), talk.title);
      await volunteer.fill(row.getByRole('textbox', { name: 'Résumé du talk' }), talk.abstract);
      if (talk.slides) await volunteer.fill(row.getByRole('textbox', { name: 'Lien des slides' }), talk.slides);
      await volunteer.fill(row.getByRole('combobox', { name: 'Speaker' }), talk.speaker);
      if (index === 0) {
        // A new speaker: the form offers a photo, chosen in the system's file dialog.
        const chooser = page.waitForEvent('filechooser');
        await volunteer.click(row.getByRole('button', { name: 'Choisir une photo' }));
        volunteer.clicks += 1; // picking the file in the system dialog
        await (await chooser).setFiles({ name: 'quentin.png', mimeType: 'image/png', buffer: tinyPng() });
        await row.getByText('Photo choisie : quentin.png').waitFor({ timeout: 10_000 });
      } else {
        await row.getByText('Speaker déjà connu').waitFor({ timeout: 10_000 });
      }
    }
    await volunteer.scan('programmer une soirée, rempli');
    // The README's picture: the top of the filled form, the evening and its first talks.
    mkdirSync(join(repoRoot, 'docs', 'images'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.mouse.move(640, 600);
    await page.mouse.wheel(0, -20_000);
    await expect
      .poll(() =>
        page.evaluate(() =>
          Math.max(
            window.scrollY,
            ...[...document.querySelectorAll('main, main *')].map((element) => element.scrollTop),
          ),
        ),
      )
      .toBe(0);
    const picture = await page.screenshot();
    await page.setViewportSize({ width: 1280, height: 900 });
    await sharp(picture)
      .resize({ width: 960 })
      .png({ palette: true, colours: 64, compressionLevel: 9 })
      .toFile(SCREENSHOT);

    await volunteer.click(save);
    const outcome = page.getByTestId('planner-outcome');
    await expect
      .poll(() => outcome.innerText(), { timeout: 60_000 })
      .toContain('Soirée enregistrée en brouillon : l’événement et ses 3 talks.');
    await volunteer.scan('soirée enregistrée');

    // The preview: the whole programme, drafts included.
    await volunteer.click(page.getByRole('button', { name: 'Prévisualiser la soirée' }));
    const preview = page.frameLocator('[data-testid="planner-preview"]');
    await expect.poll(() => preview.locator('body').innerText(), { timeout: 60_000 }).toContain(TALKS[2]!.speaker);
    const previewText = await preview.locator('body').innerText();
    for (const talk of TALKS) {
      expect(previewText).toContain(talk.title);
      expect(previewText).toContain(talk.speaker);
    }
    await volunteer.scan('aperçu', preview);
    await page.screenshot({ path: artifactPath('programmer-une-soiree-apercu.png') });

    // One click publishes it all; the public page is watched throughout.
    const before = await stack.publisher.settled();
    const mark = stack.publisher.output().length;
    const watcher = watchPublicPage(
      stack,
      TALKS.flatMap((talk) => [talk.title, talk.speaker]),
    );
    volunteer.publishActions += 1;
    const clickedAt = performance.now();
    await volunteer.click(page.getByRole('button', { name: 'Publier la soirée' }));
    await expect
      .poll(() => outcome.innerText(), { timeout: 60_000 })
      .toContain(
        'Soirée publiée : l’événement, 3 talks et 3 speakers. Le site public se met à jour dans quelques secondes.',
      );
    await volunteer.scan('soirée publiée');
    await stack.publisher.settledAfter(before, 'the evening’s release');
    const seconds = (performance.now() - started) / 1000;
    await expect.poll(() => watcher.served.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await watcher.stop();
    const incomplete = watcher.served.filter((served) => !served.complete).length;
    console.log(
      `evening programmed and published in the admin: ${volunteer.clicks} clicks, ${volunteer.fields} fields, ${volunteer.publishActions} publish action, ${seconds.toFixed(1)} s; ` +
        `public page live ${((watcher.served[0]!.at - clickedAt) / 1000).toFixed(1)} s after the click, served ${watcher.served.length} times while watched, ${incomplete} incomplete`,
    );
    expect(contentBuildsSince(stack.publisher, mark), stack.publisher.output().slice(mark)).toBe(1);
    expect(incomplete).toBe(0);

    const site = await context.newPage();
    await site.goto(`${stack.publisher.url}${PUBLIC_PATH}`);
    const pageText = await site.locator('main').innerText();
    for (const talk of TALKS) {
      expect(pageText).toContain(talk.title);
      expect(pageText).toContain(talk.speaker);
    }
    const speaker = await stack.cms.fetch('/api/speakers?filters[name][$eq]=Quentin%20Perrin&populate=photo');
    expect(((await speaker.json()) as { data: { photo: { name: string } | null }[] }).data[0]?.photo?.name).toBe(
      'quentin.png',
    );

    expect(volunteer.clicks).toBeLessThanOrEqual(30);
    expect(volunteer.publishActions).toBe(1);
    expect(Object.fromEntries(volunteer.englishSeen)).toEqual({});
    await context.close();
  });

  it('takes the same evening off the site from its event page: "Dépublier la soirée", after a confirmation', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const volunteer = new Volunteer(page);
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await volunteer.fill(page.locator('input[name="email"]'), EDITOR.email);
    await volunteer.fill(page.locator('input[name="password"]'), EDITOR.password);
    await volunteer.click(page.locator('button[type="submit"]'));
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
    const found = await stack.cms.fetch('/api/events?filters[slug][$eq]=api-hour-98');
    const [event] = ((await found.json()) as { data: { documentId: string }[] }).data;
    expect(event, 'the evening the first test published').toBeDefined();
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::event.event/${event!.documentId}`);
    // On an event's page, "Publier la soirée" is the main action.
    await page.getByRole('button', { name: 'Publier la soirée' }).waitFor({ timeout: 60_000 });
    await volunteer.scan('fiche de l’événement');
    await volunteer.click(page.getByRole('button', { name: "Plus d'actions sur les documents" }));
    await volunteer.click(page.getByRole('menuitem', { name: 'Dépublier la soirée' }));
    await volunteer.click(page.getByRole('alertdialog').getByRole('button', { name: 'Dépublier la soirée' }));
    await expect
      .poll(() => page.getByText('Soirée dépubliée').first().innerText(), { timeout: 60_000 })
      .toMatch(/^Soirée dépubliée : l’événement, 3 talks et 1 speaker\./);
    await volunteer.scan('dépublication');
    await expect
      .poll(async () => (await stack.publisher.get(PUBLIC_PATH)).status, { timeout: 120_000, interval: 500 })
      .toBe(404);
    expect(Object.fromEntries(volunteer.englishSeen)).toEqual({});
    await context.close();
  });
});
