import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchBrowser } from '../helpers/browser.ts';
import { adminLogin, createAdminUser, type ListResponse } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';
import { differencesFromCleanBuild } from '../helpers/release-changes.ts';
import type { RemovalState } from '../../site/publisher/removal-confirmation.ts';

const EDITOR = { email: 'editrice-menage@clermontech.test', password: 'Editrice-Passw0rd!' };
const AUTHOR = { email: 'auteur-menage@clermontech.test', password: 'Auteur-Passw0rd!' };
/** Most of the demo's pages: its evenings, talks, speakers, posts, groups and pages. */
const REMOVED_TYPES = ['event', 'talk', 'speaker', 'post', 'group', 'page'];

describe('a build that would remove most of the site', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    const admin = await stack.cms.adminToken();
    await createAdminUser(stack.cms.url, admin, 'Editor', EDITOR.email, EDITOR.password);
    await createAdminUser(stack.cms.url, admin, 'Author', AUTHOR.email, AUTHOR.password);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.destroy();
  });

  const removalState = async () => ((await stack.publisher.status()) as unknown as { removal: RemovalState }).removal;

  it('is refused and explained in the admin; an Author cannot confirm it, an Editor can, and the site follows', async () => {
    const admin = await stack.cms.adminToken();
    const headers = { authorization: `Bearer ${admin}` };
    expect((await stack.publisher.get('/talks/files-de-messages-sans-douleur/')).status).toBe(200);
    // One ordinary publish first: the live release is then the one the publisher's next build shares
    // files with (the stack's first releases come from other caches).
    const started = await stack.publisher.settled();
    expect((await stack.cms.fetch('/site-public/rebuild', { method: 'POST', headers })).status).toBe(202);
    const liveBefore = (await stack.publisher.settledAfter(started, 'an ordinary publish')).release!.id;

    const documentIds = async (uid: string) =>
      (
        (await (
          await stack.cms.fetch(`/content-manager/collection-types/${uid}?pageSize=100`, { headers })
        ).json()) as { results: ListResponse['data'] }
      ).results.map((entry) => entry.documentId);
    const lists = await Promise.all(
      REMOVED_TYPES.map(async (type) => ({
        uid: `api::${type}.${type}`,
        ids: await documentIds(`api::${type}.${type}`),
      })),
    );
    // All deleted while one build runs, as one change: the next build sees them all gone at once
    // (deleted one by one between builds, each release would lose less than half).
    const building = stack.publisher.waitForStatus('a build to run', (status) => status.building !== null);
    expect((await stack.cms.fetch('/site-public/rebuild', { method: 'POST', headers })).status).toBe(202);
    await building;
    await Promise.all(
      lists.map(async ({ uid, ids }) => {
        const response = await stack.cms.fetch(`/content-manager/collection-types/${uid}/actions/bulkDelete`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ documentIds: ids }),
        });
        expect(response.status, `bulk delete ${uid}`).toBe(200);
      }),
    );
    await stack.publisher.waitForStatus(
      'the large removal refused',
      (status) =>
        Boolean((status as unknown as { removal?: RemovalState }).removal?.refused) &&
        status.building === null &&
        !status.queued,
    );
    const refused = (await removalState()).refused!;
    expect(refused.pagesAfter).toBeLessThan(refused.pagesBefore / 2);
    expect(refused.removedPaths.length).toBeGreaterThan(0);
    expect((await stack.publisher.status()).release!.id).toBe(liveBefore);

    // An Author has no "Republier le site": no widget, and the route refuses.
    const author = await adminLogin(stack.cms.url, AUTHOR.email, AUTHOR.password);
    expect(
      (
        await stack.cms.fetch('/site-public/confirm-removal', {
          method: 'POST',
          headers: { authorization: `Bearer ${author}` },
        })
      ).status,
    ).toBe(403);
    expect((await removalState()).confirmed).toBeUndefined();

    const context = await browser.newContext({
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${stack.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(EDITOR.email);
    await page.locator('input[name="password"]').fill(EDITOR.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
    const explanation = page.getByTestId('site-public-removal');
    await explanation.waitFor({ timeout: 60_000 });
    const text = await explanation.textContent();
    expect(text).toContain(`le site passerait de ${refused.pagesBefore} pages à ${refused.pagesAfter} pages`);
    expect(text).toContain(refused.removedPaths[0]!);
    // The widget is first on the home page: visible without scrolling.
    expect(await explanation.evaluate((element) => element.getBoundingClientRect().bottom <= window.innerHeight)).toBe(
      true,
    );
    await page.screenshot({ path: artifactPath('admin-large-removal.png') });

    const before = await stack.publisher.status();
    await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
    const after = await stack.publisher.settledAfter(before, 'the confirmed release');
    expect(after.release!.id).not.toBe(liveBefore);
    expect((await stack.publisher.get('/talks/files-de-messages-sans-douleur/')).status).toBe(404);
    // Astro's cache held the refused build's pages while the old release stayed live: the confirmed
    // release must not take files from that old release (src/integrations/shared-release-files.ts).
    expect((await differencesFromCleanBuild(stack)).differences).toEqual([]);
    expect(await removalState()).toEqual({});
    await explanation.waitFor({ state: 'detached', timeout: 30_000 });
    await context.close();
  });
});
