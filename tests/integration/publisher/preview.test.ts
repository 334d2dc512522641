import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPreviewToken } from '../../../cms/src/draft-links/link-token.ts';
import { PreviewImageGrants } from '../../../site/publisher/preview-images.ts';
import { siteCodeVersion } from '../../../site/publisher/preview-server.ts';
import { repoRoot } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser, createDraft, previewUrl } from '../../helpers/content.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';
import { rawRequest } from '../../helpers/raw-http.ts';

const TALK = 'api::talk.talk';
const MARKER = `MARQUEUR-BROUILLON-${Date.now().toString(36)}`;
const AUTHOR = { email: 'auteur@clermontech.test', password: 'Auteur-Passw0rd!' };

/** Every file of a release, its server code included, as text. */
function releaseFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, text: readFileSync(path, 'latin1') };
    });
}

describe('preview: a draft rendered on demand behind a signed link', () => {
  let stack: Stack;
  let talk: { documentId: string };
  let url: URL;

  beforeAll(async () => {
    stack = await startStack();
    await createAdminUser(stack.cms.url, await stack.cms.adminToken(), 'Author', AUTHOR.email, AUTHOR.password);
    const author = await adminLogin(stack.cms.url, AUTHOR.email, AUTHOR.password);
    talk = await createDraft(stack.cms.url, author, TALK, {
      title: `Talk en brouillon ${MARKER}`,
      slug: 'talk-en-brouillon',
      abstract: `Résumé ${MARKER}`,
    });
    url = new URL((await previewUrl(stack.cms.url, author, TALK, talk.documentId))!);
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  const get = (path: string) => stack.publisher.get(path);
  const withToken = (token: string) => `${url.pathname}?token=${encodeURIComponent(token)}`;

  it('gives the author a site URL for the draft, signed for this document', () => {
    // The CMS's SITE_URL is the publisher's address.
    expect(url.port).toBe(new URL(stack.publisher.url).port);
    expect(url.pathname).toBe(`/_preview/talks/${talk.documentId}`);
    expect(url.searchParams.get('token')).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('renders the draft with the public page, a banner, noindex, no cache, framable by the CMS only', async () => {
    const started = performance.now();
    const response = await get(url.pathname + url.search);
    const html = await response.text();
    console.log(`preview: first render ${Math.round(performance.now() - started)} ms`);
    expect(response.status).toBe(200);
    expect(html).toContain(`<h1>Talk en brouillon ${MARKER}</h1>`);
    expect(html).toContain(`Résumé ${MARKER}`);
    expect(html).toContain('Aperçu — non publié');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toMatch(/<link rel="stylesheet" href="\/_astro\/[^"]+\.css"/);
    // The site's CSP holds: no inline script, only files.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    expect(response.headers.get('content-security-policy')).toContain(
      `frame-ancestors ${new URL(stack.cms.url).origin}`,
    );
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(response.headers.get('x-frame-options')).toBeNull();

    const timings: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      expect((await get(url.pathname + url.search)).status).toBe(200);
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    console.log(`preview: warm render median ${Math.round(timings[5]!)} ms, max ${Math.round(timings[9]!)} ms`);
  });

  it('serves the reload script, which only listens to the CMS', async () => {
    const response = await get('/_preview/reload.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    const script = await response.text();
    expect(script).toContain(JSON.stringify(new URL(stack.cms.url).origin));
    expect(script).toContain('strapiUpdate');
  });

  it.each([
    ['without a token', () => url.pathname],
    ['with a forged signature', () => withToken(`${url.searchParams.get('token')!.split('.')[0]}.${'A'.repeat(43)}`)],
    [
      'with a token signed by another key',
      () =>
        withToken(
          signPreviewToken('x'.repeat(64), { uid: TALK, documentId: talk.documentId, exp: Date.now() / 1000 + 600 }),
        ),
    ],
    [
      'with an expired token',
      () =>
        withToken(
          signPreviewToken(stack.cms.env.PREVIEW_SECRET!, {
            uid: TALK,
            documentId: talk.documentId,
            exp: Math.floor(Date.now() / 1000) - 1,
          }),
        ),
    ],
    ['with a token for another document', () => `/_preview/talks/other${talk.documentId.slice(5)}${url.search}`],
    ['with a token for another type', () => `/_preview/posts/${talk.documentId}${url.search}`],
  ])('answers 401 %s, without the draft', async (_case, path) => {
    const response = await get(path());
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).not.toContain(MARKER);
  });

  it('keeps the CMS’s draft route behind the same token, and ?status=draft refused', async () => {
    expect((await stack.cms.fetch(`/api/preview/talks/${talk.documentId}`)).status).toBe(401);
    const draft = await stack.cms.fetch(`/api/preview/talks/${talk.documentId}${url.search}`);
    expect(draft.status).toBe(200);
    expect(((await draft.json()) as { data: { title: string } }).data.title).toContain(MARKER);
    expect((await stack.cms.fetch('/api/talks?status=draft')).status).toBe(400);
  });

  describe('the image endpoint (/_preview/_image)', () => {
    /** A link to the site's favicon resized, as a preview page would get it: signed by the publisher. */
    const imageLink = (params: Record<string, string>) =>
      `/_preview/_image?${new PreviewImageGrants(stack.publisher.env.PUBLISHER_TOKEN!).sign(new URLSearchParams(params))}`;

    it.each([
      ['without a grant', () => '/_preview/_image?href=%2Ffavicon.svg&w=32&h=32&f=png'],
      [
        'with the preview token instead of a grant',
        () => `/_preview/_image?href=%2Ffavicon.svg&w=32&h=32&f=png&token=${url.searchParams.get('token')}`,
      ],
      [
        'with a grant for other parameters',
        () => imageLink({ href: '/favicon.svg', w: '32', h: '32', f: 'png' }).replace('w=32', 'w=3200'),
      ],
    ])('answers 401 %s', async (_case, path) => {
      const response = await get(path());
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).not.toMatch(/^image\//);
    });

    it('resizes an image through a signed link, taking the origin from its configuration, not from Host', async () => {
      let hits = 0;
      const elsewhere = createServer((_request, response) => {
        hits += 1;
        response
          .writeHead(200, { 'content-type': 'image/svg+xml' })
          .end('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>');
      });
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      try {
        const other = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
        const link = imageLink({ href: '/favicon.svg', w: '32', h: '32', f: 'png' });
        const port = Number(new URL(stack.publisher.url).port);
        const answer = await rawRequest(
          port,
          Buffer.from(`GET ${link} HTTP/1.1\r\nHost: ${other}\r\nConnection: close\r\n\r\n`),
        );
        expect(answer.status).toBe(200);
        expect(hits).toBe(0);
      } finally {
        await new Promise((resolve) => elsewhere.close(resolve));
      }
      const link = imageLink({ href: '/favicon.svg', w: '48', h: '48', f: 'png' });
      const started = performance.now();
      const first = await get(link);
      const firstMs = performance.now() - started;
      expect(first.headers.get('content-type')).toBe('image/png');
      const again = performance.now();
      const second = await get(link);
      console.log(
        `preview image: ${Math.round(firstMs)} ms, then ${Math.round(performance.now() - again)} ms from the cache`,
      );
      expect(Buffer.from(await second.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
    });

    it('refuses to serve SVG, even through a signed link', async () => {
      const response = await get(imageLink({ href: '/favicon.svg', w: '32', h: '32', f: 'svg' }));
      expect(response.status).toBe(415);
      expect(response.headers.get('content-type')).not.toContain('svg');
      expect(await response.text()).not.toContain('<svg');
    });
  });

  const releaseDir = (id: string) => join(stack.publisher.env.PUBLISHER_RELEASES_DIR!, id);
  const serverEntry = (id: string) => statSync(join(releaseDir(id), '_server', 'entry.mjs'));

  /** Asks for a build although nothing was published (the admin's "Republier"); resolves with the new release. */
  async function rebuild() {
    const before = await stack.publisher.settled();
    await stack.publisher.get('/_publisher/rebuild', {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.publisher.env.PUBLISHER_TOKEN}` },
    });
    const after = await stack.publisher.settledAfter(before, 'the rebuilt release');
    expect(after.lastSuccess?.releaseId).toBe(after.release!.id);
    return { before: before.release!.id, after: after.release!.id };
  }

  it('never puts the draft in the public build, nor serves the release’s server code', async () => {
    const { after } = await rebuild();
    const dir = releaseDir(after);
    const files = releaseFiles(dir);
    expect(files.some((file) => file.path.endsWith('talks/index.html'))).toBe(true);
    expect(files.filter((file) => file.text.includes(MARKER)).map((file) => file.path)).toEqual([]);
    // The server's manifest lists the release's own files, not node_modules seen through the link
    // the prerender step needs (100,000 paths in every build, when the link was made too early).
    expect(files.filter((file) => file.text.includes('/_server/node_modules/')).map((file) => file.path)).toEqual([]);
    expect((await get('/talks/talk-en-brouillon/')).status).toBe(404);
    expect(await (await get('/talks/')).text()).not.toContain(MARKER);
    expect((await get('/_server/entry.mjs')).status).toBe(404);
    expect((await get('/%5Fserver/entry.mjs')).status).toBe(404);
    // The preview still works on the new release.
    expect(await (await get(url.pathname + url.search)).text()).toContain(MARKER);
  });

  it('keeps the live release’s server code while the site’s code is the same, and builds it again when it changed', async () => {
    // Same code: the new release's server is the live one's files (hard links), not a new build.
    let { before, after } = await rebuild();
    expect(serverEntry(after).ino).toBe(serverEntry(before).ino);
    const version = readFileSync(join(releaseDir(after), '_server', 'code-version'), 'utf8');
    expect(version).toBe(siteCodeVersion(join(repoRoot, 'site')));
    // The kept server's pages link the stylesheets and scripts the new release serves.
    const assets = [
      ...(await (await get(url.pathname + url.search)).text()).matchAll(/(?:href|src)="(\/_astro\/[^"]+)"/g),
    ].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) expect((await get(asset)).status, asset).toBe(200);

    // The live server says it was built from other code (as after a deploy): the next release
    // keeps it, and the one after, built at once, has a new one, with which the preview works.
    const versionFile = join(releaseDir(after), '_server', 'code-version');
    rmSync(versionFile);
    writeFileSync(versionFile, 'older-code');
    const started = (await stack.publisher.status()).buildsStarted;
    ({ before, after } = await rebuild());
    expect((await stack.publisher.status()).buildsStarted).toBe(started + 2);
    expect(serverEntry(after).ino).not.toBe(serverEntry(before).ino);
    expect(readFileSync(join(releaseDir(after), '_server', 'code-version'), 'utf8')).toBe(version);
    expect(await (await get(url.pathname + url.search)).text()).toContain(MARKER);
  });
});
