import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../site/publisher/app.ts';
import { ReleaseStore } from '../../../site/publisher/release-store.ts';
import { liveRelease } from '../../helpers/releases.ts';

const token = 'f'.repeat(64);
const page = (text: string) => `<!doctype html><html lang="fr"><body>${text}${' '.repeat(2000)}</body></html>`;

describe('publisher app', () => {
  let store: ReleaseStore;
  let changes: string[];
  let handle: (request: Request) => Promise<Response>;
  const get = (path: string, headers: Record<string, string> = {}) =>
    handle(new Request(`http://site.test${path}`, { headers }));

  beforeEach(() => {
    store = new ReleaseStore(mkdtempSync(join(tmpdir(), 'app-')));
    changes = [];
    handle = createApp({
      store,
      token,
      status: () => ({
        release: null,
        building: null,
        queued: false,
        lastSuccess: null,
        lastFailure: null,
        buildsStarted: 0,
        lastCheckAt: null,
      }),
      onChange: (reason) => changes.push(reason),
    });
  });

  it('answers 503 before the first release', async () => {
    expect((await get('/')).status).toBe(503);
  });

  describe('with a release', () => {
    beforeEach(() => {
      liveRelease(store, {
        'index.html': page('Accueil'),
        '404.html': page('Introuvable'),
        'blog/index.html': page('Blog'),
        'api-hours/api-hour-72.html': page('Redirection'),
        '_astro/site.Ab12Cd.css': 'body{color:red}'.repeat(100),
        'events.ics': 'BEGIN:VCALENDAR',
        'atom.xml': '<feed/>',
        'sitemap.xml': '<urlset/>',
        'manifeste/index.html': page('Manifeste'),
        'manifeste.html': page('Cette page a déménagé'),
        'tech-time/index.html': page('Cette page a déménagé'),
        'redirects.json': JSON.stringify({
          '/manifeste.html': '/manifeste/',
          '/tech-time': '/groups/tech-time/',
          '/blog/': '/blog/',
        }),
      });
    });

    it.each([
      ['/manifeste.html', '/manifeste/'],
      ['/manifeste.html/', '/manifeste/'],
      ['/manifeste.html?utm=x', '/manifeste/?utm=x'],
      ['/tech-time', '/groups/tech-time/'],
      ['/tech-time/', '/groups/tech-time/'],
    ])('answers the old URL %s with a 301 to %s', async (path, target) => {
      for (const method of ['GET', 'HEAD']) {
        const response = await handle(new Request(`http://site.test${path}`, { method, redirect: 'manual' }));
        expect(response.status).toBe(301);
        expect(response.headers.get('location')).toBe(`http://site.test${target}`);
      }
    });

    it('leaves the other pages as they are, and a redirect onto itself out', async () => {
      expect(await (await get('/manifeste/')).text()).toContain('Manifeste');
      expect((await get('/blog/')).status).toBe(200);
      expect((await get('/manifeste.htm')).status).toBe(404);
    });

    it.each([
      ['/', 'text/html; charset=utf-8', 'Accueil'],
      ['/blog/', 'text/html; charset=utf-8', 'Blog'],
      ['/blog', 'text/html; charset=utf-8', 'Blog'],
      ['/api-hours/api-hour-72.html', 'text/html; charset=utf-8', 'Redirection'],
      ['/events.ics', 'text/calendar; charset=utf-8', 'BEGIN:VCALENDAR'],
      ['/atom.xml', 'application/atom+xml; charset=utf-8', '<feed/>'],
      ['/sitemap.xml', 'application/xml; charset=utf-8', '<urlset/>'],
    ])('serves %s as %s', async (path, type, text) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(await response.text()).toContain(text);
    });

    it('revalidates HTML and caches hashed assets for a year', async () => {
      expect((await get('/')).headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect((await get('/_astro/site.Ab12Cd.css')).headers.get('cache-control')).toBe(
        'public, max-age=31536000, immutable',
      );
    });

    it('answers 304 to a matching ETag', async () => {
      const first = await get('/');
      const again = await get('/', { 'if-none-match': first.headers.get('etag')! });
      expect(again.status).toBe(304);
    });

    it('compresses with brotli or gzip, as the client accepts', async () => {
      const br = await get('/', { 'accept-encoding': 'gzip, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toContain('Accueil');
      const gzip = await get('/', { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toContain('Accueil');
      expect((await get('/')).headers.get('content-encoding')).toBeNull();
    });

    it.each(['/nope', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/blog/%00', '/%E0%A4%A'])(
      'answers the 404 page to %s',
      async (path) => {
        const response = await get(path);
        expect(response.status).toBe(404);
        expect(await response.text()).toContain('Introuvable');
      },
    );

    it('sets the security headers', async () => {
      const headers = (await get('/')).headers;
      expect(headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('refuses to write to the site', async () => {
      expect((await handle(new Request('http://site.test/', { method: 'POST' }))).status).toBe(405);
      expect((await handle(new Request('http://site.test/', { method: 'DELETE' }))).status).toBe(405);
    });

    it('still serves the previous release’s hashed assets after a swap', async () => {
      liveRelease(store, {
        'index.html': page('Nouvelle'),
        '404.html': page('Introuvable'),
        '_astro/site.Zz99.css': 'x',
      });
      const old = await get('/_astro/site.Ab12Cd.css');
      expect(old.status).toBe(200);
      expect(await old.text()).toContain('color:red');
      expect(await (await get('/')).text()).toContain('Nouvelle');
    });

    it('still serves the previous search index’s chunks to a search started before the swap, but not its entry file', async () => {
      liveRelease(store, {
        'index.html': page('Avant'),
        '404.html': page('Introuvable'),
        'pagefind/fragment/fr_0a1b.pf_fragment': 'ancien',
        'pagefind/pagefind-entry.json': '{"v":1}',
      });
      liveRelease(store, {
        'index.html': page('Après'),
        '404.html': page('Introuvable'),
        'pagefind/fragment/fr_9f8e.pf_fragment': 'nouveau',
        'pagefind/pagefind-entry.json': '{"v":2}',
      });
      expect(await (await get('/pagefind/fragment/fr_0a1b.pf_fragment')).text()).toBe('ancien');
      expect(await (await get('/pagefind/fragment/fr_9f8e.pf_fragment')).text()).toBe('nouveau');
      expect(await (await get('/pagefind/pagefind-entry.json')).text()).toBe('{"v":2}');
      expect((await get('/pagefind/fragment/fr_dead.pf_fragment')).status).toBe(404);
    });
  });

  describe('webhook', () => {
    const post = (headers: Record<string, string>) =>
      handle(
        new Request('http://site.test/_publisher/webhook', {
          method: 'POST',
          headers,
          body: '{"event":"entry.publish"}',
        }),
      );

    it('accepts the right bearer token with 202 and signals a change', async () => {
      const response = await post({ authorization: `Bearer ${token}` });
      expect(response.status).toBe(202);
      expect(changes).toEqual(['webhook']);
    });

    it.each<Record<string, string>>([
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${token.slice(2)}` },
      { authorization: token },
    ])('refuses %o with 401 and does nothing', async (headers) => {
      expect((await post(headers)).status).toBe(401);
      expect(changes).toEqual([]);
    });

    it('refuses GET on the webhook', async () => {
      expect((await get('/_publisher/webhook')).status).toBe(405);
    });
  });

  describe('status', () => {
    const full = {
      release: { id: 'r1', liveSince: '2026-01-01T00:00:00.000Z' },
      building: null,
      queued: true,
      lastSuccess: null,
      lastFailure: { at: '2026-01-01T00:00:00.000Z', durationMs: 5, error: 'fetch http://10.0.0.3:1337/api failed' },
      buildsStarted: 3,
      lastCheckAt: null,
    };
    beforeEach(() => {
      handle = createApp({ store, token, status: () => full, onChange: () => undefined });
    });

    it('shows anyone only whether the site is live and building, never cached', async () => {
      const response = await get('/_publisher/status');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ live: true, liveSince: '2026-01-01T00:00:00.000Z', building: true });
    });

    it('shows the build details with the token, and refuses a wrong one', async () => {
      expect(await (await get('/_publisher/status', { authorization: `Bearer ${token}` })).json()).toEqual({
        ...full,
        removal: {},
      });
      const wrong = await get('/_publisher/status', { authorization: 'Bearer nope' });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).not.toContain('10.0.0.3');
    });
  });

  describe('Strict-Transport-Security', () => {
    it.each([
      [true, 'max-age=63072000; includeSubDomains'],
      [false, null],
    ])('when the site is served over HTTPS: %s', async (https, expected) => {
      liveRelease(store, { 'index.html': page('Accueil'), '404.html': page('Introuvable') });
      const app = createApp({
        store,
        token,
        status: () => ({
          release: null,
          building: null,
          queued: false,
          lastSuccess: null,
          lastFailure: null,
          buildsStarted: 0,
          lastCheckAt: null,
        }),
        onChange: () => undefined,
        https,
      });
      for (const path of ['/', '/nope', '/_publisher/status']) {
        expect((await app(new Request(`https://site.test${path}`))).headers.get('strict-transport-security')).toBe(
          expected,
        );
      }
    });
  });
});
