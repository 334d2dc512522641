import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentBuildsSince, createEveningDrafts, eveningAction } from '../../helpers/evenings.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';

describe('"Publier la soirée" and the public site', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it('puts the evening online with its whole programme in a single site build', async () => {
    const admin = await stack.cms.adminToken();
    await createEveningDrafts(stack.cms, admin, {
      title: 'API Hour #95',
      slug: 'api-hour-95',
      talks: [
        {
          title: 'Des tests qui comptent',
          slug: 'des-tests-qui-comptent',
          speakers: [{ name: 'Hélène Garnier', slug: 'helene-garnier' }],
        },
        { title: 'Un seul build', slug: 'un-seul-build', speakers: [{ name: 'Ivan Moreau', slug: 'ivan-moreau' }] },
        { title: 'Trois speakers', slug: 'trois-speakers', speakers: [{ name: 'Jade Lefèvre', slug: 'jade-lefevre' }] },
      ],
    }).then(async ({ event }) => {
      // Drafts build nothing: the site is settled before the click.
      const before = await stack.publisher.settled();
      const mark = stack.publisher.output().length;
      const published = await eveningAction(stack.cms, admin, event, 'publish');
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const after = await stack.publisher.settledAfter(before, 'the evening’s release');
      expect(after.lastFailure?.at ?? '').toBe(before.lastFailure?.at ?? '');
      expect(contentBuildsSince(stack.publisher, mark), stack.publisher.output().slice(mark)).toBe(1);
    });

    const page = await (await stack.publisher.get('/api-hours/api-hour-95/')).text();
    for (const text of [
      'Des tests qui comptent',
      'Un seul build',
      'Trois speakers',
      'Hélène Garnier',
      'Ivan Moreau',
      'Jade Lefèvre',
    ])
      expect(page).toContain(text);
  });
});
