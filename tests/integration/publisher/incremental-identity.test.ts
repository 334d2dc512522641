import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublisherStatus } from '../../../site/publisher/publisher.ts';
import { publishChange, type ListResponse } from '../../helpers/content.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';
import {
  changeAndWait as waitForRelease,
  differencesFromCleanBuild,
  publishedEntries,
  type PublishedEntry,
} from '../../helpers/release-changes.ts';

type Entry = PublishedEntry;

/** One edit per content type, on a field its pages show. */
const EDITS = [
  { type: 'event', path: 'events', field: 'title' },
  { type: 'talk', path: 'talks', field: 'title' },
  { type: 'speaker', path: 'speakers', field: 'name' },
  { type: 'venue', path: 'venues', field: 'name' },
  { type: 'post', path: 'posts', field: 'title' },
  { type: 'sponsor', path: 'sponsors', field: 'name' },
  { type: 'group', path: 'groups', field: 'name' },
  { type: 'member', path: 'members', field: 'name' },
  { type: 'page', path: 'pages', field: 'title' },
] as const;

/**
 * The publisher builds each release incrementally (pages whose inputs did not change are restored
 * from the last build). Whatever path a release took, after a series of changes of every kind the
 * live site must be the very site a clean build of the same content gives.
 */
describe('incremental publishing gives, after every kind of change, the site a clean build gives', () => {
  let stack: Stack;
  let admin: string;

  const entries = (path: string) => publishedEntries(stack, path);
  const first = async (path: string): Promise<Entry> => {
    const [entry] = await entries(path);
    if (!entry) throw new Error(`the demo content has no ${path}`);
    return entry;
  };
  /** Makes a change through the admin's API and waits until a release built after it is live and indexed. */
  const changeAndWait = (what: string, change: () => Promise<unknown>) => waitForRelease(stack, what, change);
  const adminRequest = async (path: string, init: RequestInit) => {
    const response = await stack.cms.fetch(path, {
      ...init,
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${init.method} ${path}: ${response.status} ${await response.text()}`);
  };

  beforeAll(async () => {
    stack = await startStack();
    admin = await stack.cms.adminToken();
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  describe('after a series of changes', () => {
    let cleanFiles: number;
    let differences: string[];
    const releases: string[] = [];

    beforeAll(async () => {
      const record = (status: PublisherStatus) => releases.push(status.lastSuccess!.releaseId!);
      for (const { type, path, field } of EDITS) {
        const entry = await first(path);
        record(
          await changeAndWait(`${type} edited`, () =>
            publishChange(stack.cms.url, admin, `api::${type}.${type}`, entry.documentId, {
              [field]: `${String(entry[field])} (modifié)`,
            }),
          ),
        );
      }
      record(
        await changeAndWait('site settings edited', () =>
          adminRequest('/content-manager/single-types/api::global.global', {
            method: 'PUT',
            body: JSON.stringify({ tagline: 'Une autre devise' }),
          }),
        ),
      );

      const [post, otherPost] = await entries('posts');
      record(
        await changeAndWait('a post deleted', () =>
          adminRequest(`/content-manager/collection-types/api::post.post/${post!.documentId}`, { method: 'DELETE' }),
        ),
      );
      record(
        await changeAndWait('a post’s slug changed', () =>
          publishChange(stack.cms.url, admin, 'api::post.post', otherPost!.documentId, {
            slug: `${String(otherPost!.slug)}-nouvelle-adresse`,
          }),
        ),
      );

      const speakers = await entries('speakers');
      const unpublished = speakers.at(-1)!;
      record(
        await changeAndWait('a speaker unpublished', () =>
          adminRequest(
            `/content-manager/collection-types/api::speaker.speaker/${unpublished.documentId}/actions/unpublish`,
            { method: 'POST', body: '{}' },
          ),
        ),
      );

      // A talk moved to another evening: both evenings, the talk, its speakers and the lists change.
      const talks = await stack.cms.fetch(
        '/api/talks?pagination[pageSize]=100&sort[0]=id:asc&populate[event][fields][0]=documentId',
        {
          headers: { authorization: `Bearer ${stack.cms.env.CMS_TOKEN}` },
        },
      );
      const talk = ((await talks.json()) as ListResponse<Entry & { event: { documentId: string } | null }>).data.find(
        (candidate) => candidate.event,
      );
      const events = await entries('events');
      const otherEvent = events.find((event) => event.documentId !== talk!.event!.documentId)!;
      record(
        await changeAndWait('a talk moved to another event', () =>
          publishChange(stack.cms.url, admin, 'api::talk.talk', talk!.documentId, {
            event: { connect: [{ documentId: otherEvent.documentId }] },
          }),
        ),
      );

      ({ cleanFiles, differences } = await differencesFromCleanBuild(stack));
    }, 900_000);

    it('went live after every change, each one a release of its own', () => {
      expect(releases).toHaveLength(EDITS.length + 5);
      expect(new Set(releases).size).toBe(releases.length);
    });

    it('serves every file of a clean build of the same content, byte for byte, and no other', () => {
      expect(cleanFiles).toBeGreaterThan(50);
      expect(differences).toEqual([]);
    });
  });
});
