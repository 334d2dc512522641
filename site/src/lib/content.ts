import { getCollection, getEntry } from 'astro:content';
import { buildCatalog, type Catalog, type Collections } from './catalog.ts';

let catalog: Promise<Catalog> | undefined;

/** Every collection's published entries, as the content layer holds them. */
export async function loadCollections(): Promise<Collections> {
  const [events, talks, speakers, venues, posts, sponsors, groups, members, pages, global] = await Promise.all([
    getCollection('events'),
    getCollection('talks'),
    getCollection('speakers'),
    getCollection('venues'),
    getCollection('posts'),
    getCollection('sponsors'),
    getCollection('groups'),
    getCollection('members'),
    getCollection('pages'),
    getEntry('global', 'global'),
  ]);
  const data = <T>(entries: { data: T }[]) => entries.map((entry) => entry.data);
  return {
    events: data(events),
    talks: data(talks),
    speakers: data(speakers),
    venues: data(venues),
    posts: data(posts),
    sponsors: data(sponsors),
    groups: data(groups),
    members: data(members),
    pages: data(pages),
    global: global?.data,
  };
}

/** The joined content, loaded once per build (pages share it). "Now" is the build time. */
export function getCatalog(): Promise<Catalog> {
  catalog ??= loadCollections().then((collections) => buildCatalog(collections, new Date()));
  return catalog;
}
