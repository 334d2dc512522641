import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, previewUrl } from '../../helpers/content.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';

const POST = 'api::post.post';
const TALK = 'api::talk.talk';

describe('previewing a draft that lacks required fields', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.cms.adminToken();
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  const preview = async (uid: string, documentId: string) => {
    const url = new URL((await previewUrl(stack.cms.url, admin, uid, documentId))!);
    return stack.publisher.get(url.pathname + url.search);
  };

  it('shows a post saved without its date, with « Date de publication » marked as missing, not a 500', async () => {
    // Strapi saves a draft without its required fields; only publishing checks them.
    const post = await createDraft(stack.cms.url, admin, POST, {
      title: 'Article sans date',
      slug: 'article-sans-date',
      body: 'Le corps de l’article.',
    });
    const response = await preview(POST, post.documentId);
    const html = await response.text();
    expect(response.status, html.slice(0, 500)).toBe(200);
    expect(html).toContain('Article sans date');
    expect(html).toContain('Le corps de l’article.');
    expect(html).toMatch(
      /<div data-preview-missing[^>]*>À compléter avant de publier : Date de publication \(une valeur provisoire est montrée à la place\)\.<\/div>/,
    );
    expect(response.headers.get('x-preview-missing-fields')).toBeNull();
  });

  it('names several missing fields of a talk saved with nothing but its identifier', async () => {
    const talk = await createDraft(stack.cms.url, admin, TALK, { slug: 'talk-sans-titre' });
    const response = await preview(TALK, talk.documentId);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('À compléter avant de publier : Titre');
  });

  it('keeps a complete draft’s banner as it was', async () => {
    const post = await createDraft(stack.cms.url, admin, POST, {
      title: 'Article complet',
      slug: 'article-complet',
      date: '2026-11-30',
    });
    const html = await (await preview(POST, post.documentId)).text();
    expect(html).toContain('Aperçu — non publié</div>');
    expect(html).not.toContain('data-preview-missing');
  });
});
