import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../helpers/publisher.ts';

/** What the publisher shows to anyone, on a stack served over plain HTTP with the demo content. */
describe('publisher: what the public gets', () => {
  let stack: Stack;
  let releaseDir: string;
  const manual = { redirect: 'manual' } as const;

  beforeAll(async () => {
    stack = await startStack();
    releaseDir = join(stack.publisher.env.PUBLISHER_RELEASES_DIR!, (await stack.publisher.status()).release!.id);
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  describe('old URLs of the Jekyll site', () => {
    it.each(['/manifeste.html', '/manifeste.html/', '/code-of-conduct.html'])(
      'answers %s with a 301 to the new page',
      async (path) => {
        const response = await stack.publisher.get(path, manual);
        expect(response.status).toBe(301);
        const target = path.startsWith('/manifeste') ? '/manifeste/' : '/code-de-conduite/';
        expect(response.headers.get('location')).toBe(`${stack.publisher.url}${target}`);
        expect((await stack.publisher.get(target)).status).toBe(200);
      },
    );

    it('redirects every old URL the build lists, and keeps the static redirect pages for static hosting', async () => {
      const redirects = JSON.parse(readFileSync(join(releaseDir, 'redirects.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(redirects).length).toBeGreaterThanOrEqual(4);
      for (const [from, to] of Object.entries(redirects)) {
        for (const method of ['GET', 'HEAD']) {
          const response = await stack.publisher.get(from, { ...manual, method });
          expect(response.status, from).toBe(301);
          expect(response.headers.get('location'), from).toBe(new URL(to, stack.publisher.url).href);
        }
        const file = join(releaseDir, from.replace(/^\//, ''));
        expect(existsSync(file) || existsSync(join(file, 'index.html')), from).toBe(true);
      }
    });

    it('leaves the other pages as they were', async () => {
      for (const path of ['/', '/manifeste/', '/api-hours/', '/talks/', '/blog/']) {
        const response = await stack.publisher.get(path, manual);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      }
      expect((await stack.publisher.get('/manifeste.htm', manual)).status).toBe(404);
    });
  });

  it('serves the sitemap as XML and the feed as Atom', async () => {
    expect((await stack.publisher.get('/sitemap.xml')).headers.get('content-type')).toBe(
      'application/xml; charset=utf-8',
    );
    expect((await stack.publisher.get('/atom.xml')).headers.get('content-type')).toBe(
      'application/atom+xml; charset=utf-8',
    );
  });

  it('shows anyone whether the site is live, and build details only with the token', async () => {
    const response = await stack.publisher.get('/_publisher/status');
    expect(response.status).toBe(200);
    const shown = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(shown).sort()).toEqual(['building', 'live', 'liveSince']);
    expect(shown.live).toBe(true);
    expect(JSON.stringify(shown)).not.toMatch(/127\.0\.0\.1|error|release/);
    expect(
      (await stack.publisher.get('/_publisher/status', { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const full = await stack.publisher.status();
    expect(full.lastSuccess?.pages).toBeGreaterThan(0);
  });

  it('gives the CMS’s "Site public" widget the details, through the CMS, which holds the token', async () => {
    const response = await stack.cms.fetch('/site-public/status', {
      headers: { authorization: `Bearer ${await stack.cms.adminToken()}` },
    });
    const widget = (await response.json()) as {
      reachable: boolean;
      release?: { id: string };
      lastSuccess?: { at: string } | null;
    };
    expect(widget.reachable).toBe(true);
    expect(widget.release?.id).toMatch(/^\d{8}T/);
    expect(widget.lastSuccess?.at).toBeTruthy();
  });

  it('sends no Strict-Transport-Security over plain HTTP', async () => {
    expect((await stack.publisher.get('/')).headers.get('strict-transport-security')).toBeNull();
  });
});
