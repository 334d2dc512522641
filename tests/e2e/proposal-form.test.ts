import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/cms.ts';
import { updateDraft } from '../helpers/content.ts';
import { PROPOSAL_UID, storedProposals } from '../helpers/proposals.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

interface Typed {
  title: string;
  abstract: string;
  speakerName: string;
  email: string;
}

const typed = (title: string, email: string): Typed => ({
  title,
  abstract:
    'Comment une association bénévole publie son site en quelques secondes, sans jamais casser ce qui est en ligne.',
  speakerName: 'Dominique Proposante',
  email,
});

async function fillForm(page: Page, values: Typed) {
  await page.getByLabel('Titre du talk').fill(values.title);
  await page.getByLabel('Résumé').fill(values.abstract);
  await page.getByLabel('Talk long (25 à 30 min)').check();
  await page.getByLabel('Votre nom').fill(values.speakerName);
  await page.getByLabel('Votre e-mail').fill(values.email);
  await page.getByLabel(/mentor/).check();
}

describe('the talk-proposal form, in a browser', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
  });

  const open = async (javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page }> => {
    const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${stack.publisher.url}/proposer-un-talk/`);
    return { context, page };
  };

  it('works without JavaScript: a refusal shows the form again with what was typed, then the thank-you page', async () => {
    const { context, page } = await open(false);
    // Valid for the browser (type=email), refused by the CMS: the round trip through the server.
    await fillForm(page, typed('Publier sans JavaScript', 'dominique@localhost'));
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Cette adresse e-mail ne semble pas valide.');
    expect(await page.getByLabel('Titre du talk').inputValue()).toBe('Publier sans JavaScript');
    expect(await page.getByLabel('Résumé').inputValue()).toContain('sans jamais casser');
    expect(await page.getByLabel('Talk long (25 à 30 min)').isChecked()).toBe(true);
    expect(await page.getByLabel(/mentor/).isChecked()).toBe(true);
    await page.screenshot({ path: artifactPath('proposal-no-js-refused.png'), fullPage: true });

    await page.getByLabel('Votre e-mail').fill('dominique@example.org');
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    await page.waitForURL(`${stack.publisher.url}/proposer-un-talk/merci/`);
    expect(await page.locator('h1').textContent()).toContain('Merci, votre proposition est bien arrivée');
    await context.close();

    const stored = (await storedProposals(stack.cms)).filter(
      (proposal) => proposal.title === 'Publier sans JavaScript',
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ email: 'dominique@example.org', wantsMentor: true, reviewStatus: 'recue' });
  });

  it('works with JavaScript: errors and the confirmation appear on the page, nothing typed is lost', async () => {
    const { context, page } = await open(true);
    await fillForm(page, typed('Publier avec JavaScript', 'dominique@localhost'));
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    const alert = page.locator('[data-proposal-error]');
    await expect.poll(() => alert.textContent()).toContain('Cette adresse e-mail ne semble pas valide.');
    expect(page.url()).toBe(`${stack.publisher.url}/proposer-un-talk/`);
    expect(await page.getByLabel('Votre e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Titre du talk').inputValue()).toBe('Publier avec JavaScript');

    await page.getByLabel('Votre e-mail').fill('dominique.js@example.org');
    await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
    await page.locator('[data-proposal-done]').waitFor({ state: 'visible' });
    expect(await page.locator('form[data-proposal-form]').isHidden()).toBe(true);
    expect(page.url()).toBe(`${stack.publisher.url}/proposer-un-talk/`);
    await page.screenshot({ path: artifactPath('proposal-js-sent.png'), fullPage: true });
    await context.close();

    expect((await storedProposals(stack.cms)).map((proposal) => proposal.title)).toContain('Publier avec JavaScript');
  });

  it('shows the proposals to members in the admin, where they vote; never on the public API', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN_EMAIL);
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });

    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/api::proposal.proposal`);
    await page.getByText('Publier avec JavaScript').waitFor({ timeout: 60_000 });
    await page.getByText('Publier sans JavaScript').waitFor();
    await page.screenshot({ path: artifactPath('admin-proposals-list.png'), fullPage: true });

    await page.getByText('Publier sans JavaScript').click();
    const votes = page.getByTestId('proposal-votes');
    await expect.poll(() => votes.textContent(), { timeout: 60_000 }).toBe('0 vote');
    await page.getByRole('button', { name: 'Je vote pour' }).click();
    await expect.poll(() => votes.textContent()).toBe('1 vote (dont le vôtre)');
    await page.screenshot({ path: artifactPath('admin-proposal-vote.png'), fullPage: true });

    // Accepted by the members (status saved), it becomes a draft talk in one click.
    const accepted = (await storedProposals(stack.cms)).find(
      (proposal) => proposal.title === 'Publier avec JavaScript',
    )!;
    await updateDraft(stack.cms.url, await stack.cms.adminToken(), PROPOSAL_UID, accepted.documentId, {
      reviewStatus: 'acceptee',
    });
    await page.goto(`${stack.cms.url}/admin/content-manager/collection-types/${PROPOSAL_UID}/${accepted.documentId}`);
    await page.getByRole('button', { name: 'Transformer en talk' }).click();
    await page.getByText('Talk créé en brouillon (nouveau speaker)').waitFor();
    await page.getByRole('link', { name: 'Publier avec JavaScript' }).click();
    await page.waitForURL(/api::talk\.talk\//);
    await expect
      .poll(() => page.locator('input[name="title"]').inputValue(), { timeout: 60_000 })
      .toBe('Publier avec JavaScript');
    await page.screenshot({ path: artifactPath('admin-proposal-talk.png'), fullPage: true });
    await context.close();

    for (const path of [
      '/api/proposals',
      '/api/proposals?populate=*',
      '/api/talks?populate=*',
      '/api/speakers?populate=*',
    ]) {
      const response = await stack.cms.fetch(path);
      expect(await response.text()).not.toContain('Publier sans JavaScript');
    }
  });
});
