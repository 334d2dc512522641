import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewUrl } from '../../helpers/content.ts';
import { createEveningDrafts, EVENT_UID, TALK_UID, type CreatedEvening } from '../../helpers/evenings.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';

const SPEAKERS = ['Karim Brun', 'Léa Mercier', 'Marc Aubert'];

describe('the preview of an unpublished evening shows its draft programme', () => {
  let stack: Stack;
  let evening: CreatedEvening;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.cms.adminToken();
    evening = await createEveningDrafts(stack.cms, admin, {
      title: 'API Hour #96 en aperçu',
      slug: 'api-hour-96',
      talks: [
        { title: 'Brouillon un', slug: 'brouillon-un', speakers: [{ name: SPEAKERS[0]!, slug: 'karim-brun' }] },
        { title: 'Brouillon deux', slug: 'brouillon-deux', speakers: [{ name: SPEAKERS[1]!, slug: 'lea-mercier' }] },
        { title: 'Brouillon trois', slug: 'brouillon-trois', speakers: [{ name: SPEAKERS[2]!, slug: 'marc-aubert' }] },
      ],
    });
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  const render = async (uid: string, documentId: string) => {
    const url = new URL((await previewUrl(stack.cms.url, admin, uid, documentId))!);
    const response = await stack.publisher.get(url.pathname + url.search);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('lists the event’s draft talks with their draft speakers', async () => {
    const html = await render(EVENT_UID, evening.event);
    expect(html).toContain('API Hour #96 en aperçu');
    for (const text of ['Brouillon un', 'Brouillon deux', 'Brouillon trois', ...SPEAKERS]) expect(html).toContain(text);
  });

  it('shows a draft talk’s draft speaker', async () => {
    const html = await render(TALK_UID, evening.talks[1]!);
    expect(html).toContain('Brouillon deux');
    expect(html).toContain(SPEAKERS[1]);
  });

  it('keeps drafts out of the public site', async () => {
    expect((await stack.publisher.get('/api-hours/api-hour-96/')).status).toBe(404);
    expect(await (await stack.publisher.get('/speakers/')).text()).not.toContain(SPEAKERS[0]);
  });
});
