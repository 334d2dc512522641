/**
 * Plans the import of a Jekyll site: what each file becomes in the CMS, with every field the
 * announcements let us extract, and the issues met on the way. Pure: reads only the site.
 *
 * The steps run in this order because each needs the previous ones: talks find their evening among
 * the events, bodies link to every entry's new URL, events hide the talks they announce. Issues are
 * reported in the order met, file by file within a step.
 */
import type { ImportPlan, PlannedEntry } from '../plan.ts';
import type { JekyllSite } from '../reader.ts';
import { classify } from './classify.ts';
import { addEventEntries, addGroupEntries } from './events.ts';
import { resolveLinks } from './links.ts';
import { addPageEntries } from './pages.ts';
import { addSpeakerEntries, type Speakers } from './people.ts';
import { planWrites } from './plan-writes.ts';
import { addPostEntries } from './posts.ts';
import { openSite, readPublishedDocs } from './read-posts.ts';
import { planTalks } from './talk-drafts.ts';
import { addTalkEntries } from './talks.ts';
import { addVenueEntries, mergeVenueVariants, type Venues } from './venues.ts';

export function planSite(site: JekyllSite): ImportPlan {
  const context = openSite(site);
  const { events, talkDocs, posts, pages, groups } = classify(context, readPublishedDocs(context));
  const talks = planTalks(context, talkDocs, events);
  const links = resolveLinks(context, { events, talks, posts, pages });

  const entries: PlannedEntry[] = [];
  const venues: Venues = new Map();
  addEventEntries(context, events, talks, links, venues, entries);
  mergeVenueVariants(venues, entries, context);
  addVenueEntries(venues, entries);
  addGroupEntries(groups, entries);

  const speakers: Speakers = new Map();
  addTalkEntries(context, talks, links, speakers, entries);
  addSpeakerEntries(speakers, entries);
  addPostEntries(context, posts, links, entries);
  addPageEntries(context, pages, links, entries);

  return { entries: planWrites(context, entries), issues: context.issues, files: context.files };
}
