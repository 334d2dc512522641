import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_TYPES, EVENT_KINDS, type ContentTypeName, type ContentTypeRow } from '@clermontech/config';
import { toSearchParams } from '../../../site/src/lib/strapi/query.ts';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { databases } from '../../helpers/postgres.ts';

/** A content type as the content manager lists it (`GET /content-manager/content-types`). */
interface CmsContentType {
  uid: string;
  kind: 'collectionType' | 'singleType';
  info: { singularName: string; pluralName: string };
  attributes: Record<string, { type: string; enum?: string[] }>;
}

/** What disagrees between the CMS's own content types (uid `api::…`) and the contract's rows, one line each. */
function disagreements(cmsTypes: CmsContentType[], contract: Record<string, ContentTypeRow>): string[] {
  const ours = cmsTypes.filter(({ uid }) => uid.startsWith('api::'));
  const rows = Object.entries(contract);
  const lines: string[] = [];
  for (const type of ours) {
    const row = rows.find(([, candidate]) => candidate.uid === type.uid);
    if (!row) {
      lines.push(`${type.uid} exists in the CMS but not in config/src/contract/content-types.ts`);
      continue;
    }
    const [rest, { single }] = row;
    const expectedRest = type.kind === 'singleType' ? type.info.singularName : type.info.pluralName;
    if (rest !== expectedRest)
      lines.push(`${type.uid}: the contract names it "${rest}", its REST name is "${expectedRest}"`);
    if (single !== (type.kind === 'singleType'))
      lines.push(`${type.uid}: the contract says single: ${single}, the CMS has a ${type.kind}`);
  }
  for (const [rest, { uid }] of rows) {
    if (!ours.some((type) => type.uid === uid))
      lines.push(`${rest} (${uid}) is in the contract but the CMS has no such content type`);
  }
  return lines;
}

describe('the contract check', () => {
  const event: CmsContentType = {
    uid: 'api::event.event',
    kind: 'collectionType',
    info: { singularName: 'event', pluralName: 'events' },
    attributes: {},
  };
  const job: CmsContentType = {
    uid: 'api::job.job',
    kind: 'collectionType',
    info: { singularName: 'job', pluralName: 'jobs' },
    attributes: {},
  };
  const row = (uid: ContentTypeRow['uid']): ContentTypeRow => ({
    uid,
    single: false,
    public: true,
    previewable: false,
    populate: {},
  });

  it('names a type the CMS has and the contract lacks, and the reverse', () => {
    expect(disagreements([event, job], { events: row('api::event.event') })).toEqual([
      'api::job.job exists in the CMS but not in config/src/contract/content-types.ts',
    ]);
    expect(disagreements([event], { events: row('api::event.event'), jobs: row('api::job.job') })).toEqual([
      'jobs (api::job.job) is in the contract but the CMS has no such content type',
    ]);
    expect(disagreements([event, { ...job, uid: 'plugin::upload.file' }], { events: row('api::event.event') })).toEqual(
      [],
    );
  });
});

describe.each(databases)('the contract and the CMS on %s', (database) => {
  let cms: RunningCms;
  let cmsTypes: CmsContentType[];

  beforeAll(async () => {
    cms = await startCms({ database });
    const response = await cms.fetch('/content-manager/content-types', {
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    });
    expect(response.status).toBe(200);
    cmsTypes = ((await response.json()) as { data: CmsContentType[] }).data;
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('has one row per content type of the CMS, under its REST name, and no other', () => {
    expect(disagreements(cmsTypes, CONTENT_TYPES)).toEqual([]);
  });

  it('lists the event kinds the CMS offers, in its order', () => {
    const event = cmsTypes.find(({ uid }) => uid === CONTENT_TYPES.events.uid);
    expect(event?.attributes.kind?.enum).toEqual([...EVENT_KINDS]);
  });

  const rows = Object.entries(CONTENT_TYPES) as [ContentTypeName, ContentTypeRow][];

  it.each(rows.filter(([, row]) => row.public))(
    'serves %s to anyone, populated as the contract says',
    async (rest, row) => {
      // A populate naming a field the type lacks is refused (400): the tree must match the Strapi schema.
      const query = Object.keys(row.populate).length > 0 ? `?${toSearchParams({ populate: row.populate })}` : '';
      const response = await cms.fetch(`/api/${rest}${query}`);
      expect(response.status, await response.clone().text()).toBe(200);
    },
  );

  it.each(rows.filter(([, row]) => !row.public))('reads %s to nobody outside the admin', async (rest) => {
    expect((await cms.fetch(`/api/${rest}`)).status).not.toBe(200);
  });
});
