import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { repoRoot } from '../helpers/cms.ts';
import { findBySlug, publishChange } from '../helpers/content.ts';
import { startStack, type Stack } from '../helpers/publisher.ts';

/** Script-bearing and otherwise nasty strings, in the spirit of the big list of naughty strings. */
const PAYLOADS = [
  '<script>window.__xss="script";alert(1)</script>',
  '<img src=x onerror="window.__xss=\'img\';alert(2)">',
  '"><svg/onload=alert(3)>',
  "'';!--\"<XSS>=&{()}",
  '<a href="javascript:alert(4)">lien</a> [md](javascript:alert(5)) <iframe src="javascript:alert(6)"></iframe>',
  '<details open ontoggle=alert(7)>x</details><math><mtext><table><mglyph><style><img src=x onerror=alert(8)>',
  "${7*7} {{7*7}} <%= 7*7 %> ‮ abc 𝕏 🎉 ' OR 1=1 -- ",
  '</script><script>alert(9)</script><!--',
];
const BAD_URLS = [
  'javascript:alert(10)',
  'data:text/html,<script>alert(11)</script>',
  ' JaVaScRiPt:alert(12)',
  'vbscript:msgbox(13)',
];

interface Attribute {
  type: string;
  maxLength?: number;
  regex?: string;
}

/** Every free-text and URL-like field of a content type, read from its schema. */
function textFields(type: string): { text: [string, number][]; urls: string[] } {
  const schema = JSON.parse(
    readFileSync(join(repoRoot, `cms/src/api/${type}/content-types/${type}/schema.json`), 'utf8'),
  ) as {
    attributes: Record<string, Attribute>;
  };
  const text: [string, number][] = [];
  const urls: string[] = [];
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (!['string', 'text', 'richtext'].includes(attribute.type) || attribute.regex) continue;
    if (/url$/i.test(name)) urls.push(name);
    else text.push([name, attribute.maxLength ?? 150]);
  }
  return { text, urls };
}

interface ErrorBody {
  error?: { details?: { errors?: { path: (string | number)[] }[] } };
}

/** Publishes `data` expecting a refusal: its status and error body. */
async function publishRefusal(
  cmsUrl: string,
  adminToken: string,
  uid: string,
  documentId: string,
  data: Record<string, unknown>,
): Promise<{ status: number; body: ErrorBody }> {
  const response = await fetch(`${cmsUrl}/content-manager/collection-types/${uid}/${documentId}/actions/publish`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

/** The fields a validation refusal names, dotted (`socialLinks.0.url`). */
const refusedFields = (body: ErrorBody) => (body.error?.details?.errors ?? []).map(({ path }) => path.join('.'));

const TARGETS = [
  {
    type: 'event',
    path: 'events',
    slug: 'api-hour-73',
    pages: ['/', '/api-hours/api-hour-73/', '/api-hours/', '/evenements/'],
  },
  { type: 'talk', path: 'talks', slug: 'un-site-web-de-14-ko', pages: ['/talks/un-site-web-de-14-ko/', '/talks/'] },
  { type: 'speaker', path: 'speakers', slug: 'yanis-morel', pages: ['/speakers/yanis-morel/', '/speakers/'] },
  { type: 'venue', path: 'venues', slug: 'la-fabrique-des-puys', pages: ['/api-hours/api-hour-73/'] },
  {
    type: 'post',
    path: 'posts',
    slug: 'bienvenue-sur-le-nouveau-site',
    pages: ['/blog/bienvenue-sur-le-nouveau-site/', '/blog/'],
  },
  { type: 'page', path: 'pages', slug: 'code-de-conduite', pages: ['/code-de-conduite/'] },
  { type: 'sponsor', path: 'sponsors', slug: 'volcans-logiciels', pages: ['/sponsors/'] },
  { type: 'group', path: 'groups', slug: 'clermontech-php', pages: ['/groups/clermontech-php/', '/groups/'] },
];

describe('naughty strings in every text field never run on the site', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let inputs = 0;
  let refusedLinks = 0;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    context = await browser.newContext();
    const token = await stack.cms.adminToken();
    const before = await stack.publisher.settled();
    for (const [index, target] of TARGETS.entries()) {
      const uid = `api::${target.type}.${target.type}`;
      const { text, urls } = textFields(target.type);
      const entry = await findBySlug(stack.cms.url, target.path, target.slug);
      // Script-bearing links never reach the site: the CMS refuses them at save, naming every field.
      if (urls.length > 0) {
        const badLinks = Object.fromEntries(
          urls.map((field, fieldIndex) => [field, BAD_URLS[(index + fieldIndex) % BAD_URLS.length]!]),
        );
        const refusal = await publishRefusal(stack.cms.url, token, uid, entry.documentId, badLinks);
        expect(refusal.status, `${uid}: ${JSON.stringify(refusal.body)}`).toBe(400);
        expect(refusedFields(refusal.body).sort()).toEqual([...urls].sort());
        refusedLinks += urls.length;
      }
      const data: Record<string, string> = {};
      for (const [fieldIndex, [field, maxLength]] of text.entries()) {
        data[field] = PAYLOADS[(index + fieldIndex) % PAYLOADS.length]!.slice(0, Math.min(150, maxLength));
      }
      inputs += Object.keys(data).length;
      await publishChange(stack.cms.url, token, uid, entry.documentId, data);
    }
    const putGlobal = (body: Record<string, unknown>) =>
      fetch(`${stack.cms.url}/content-manager/single-types/api::global.global`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const globalLinks = await putGlobal({
      announcement: { text: PAYLOADS[2], url: BAD_URLS[0] },
      socialLinks: [{ label: PAYLOADS[3], url: BAD_URLS[1] }],
    });
    expect(globalLinks.status).toBe(400);
    expect(refusedFields(await globalLinks.json()).sort()).toEqual(['announcement.url', 'socialLinks.0.url']);
    refusedLinks += 2;
    const global = await putGlobal({
      siteName: PAYLOADS[0],
      tagline: PAYLOADS[1],
      announcement: { text: PAYLOADS[2], url: '/proposer-un-talk/' },
      socialLinks: [{ label: PAYLOADS[3], url: 'https://example.org/' }],
    });
    if (!global.ok) throw new Error(`global: ${global.status} ${await global.text()}`);
    inputs += 3;
    await stack.publisher.settledAfter(before, 'the build with the payloads', 180_000);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.destroy();
  });

  it('builds the site anyway', async () => {
    const status = await stack.publisher.status();
    expect(
      status.lastFailure === null || status.lastFailure.at < status.lastSuccess!.at,
      JSON.stringify(status.lastFailure),
    ).toBe(true);
    // Every field got a naughty value: saved and built (text) or refused at save (links).
    expect(inputs).toBeGreaterThan(20);
    expect(refusedLinks).toBeGreaterThan(5);
    console.info(
      `naughty strings: ${inputs} fields written, ${PAYLOADS.length} payloads; ${refusedLinks} script-bearing links refused at save`,
    );
  });

  it.each(['/', ...new Set(TARGETS.flatMap(({ pages }) => pages))])(
    '%s raises no dialog and carries no injected element',
    async (path) => {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(`${stack.publisher.url}${path}`);
      expect(response?.status()).toBe(200);
      expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
      const injected = await page
        .locator(
          'script:not([type="application/ld+json"]):not([src]), [onerror], [onload], [ontoggle], iframe, a[href^="javascript:" i], a[href^=" javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]',
        )
        .count();
      expect(injected).toBe(0);
      expect(dialogs).toEqual([]);
      await page.close();
    },
  );
});
