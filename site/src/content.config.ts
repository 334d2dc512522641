// Not from 'astro:content': that module brings Astro's whole runtime (65 modules) into the config,
// which Astro loads through a fresh Vite server at every build, a warm publish included.
import { defineCollection } from 'astro/content/config';
import { strapiLoader } from './lib/strapi/loader.ts';
import {
  EventSchema,
  GlobalSchema,
  GroupSchema,
  MemberSchema,
  PageSchema,
  PostSchema,
  SpeakerSchema,
  SponsorSchema,
  TalkSchema,
  VenueSchema,
} from './lib/strapi/schemas.ts';

// Relations are fetched as bare documentIds and joined in pages (see lib/catalog.ts):
// each collection is loaded once, instead of copies nested in every entry that points to it.
const reference = { fields: ['documentId'] };
const media = true;

export const collections = {
  events: defineCollection({
    loader: strapiLoader({
      type: 'events',
      schema: EventSchema,
      populate: { venue: reference, group: reference, sponsors: reference, cover: media },
    }),
  }),
  talks: defineCollection({
    loader: strapiLoader({
      type: 'talks',
      schema: TalkSchema,
      populate: { speakers: reference, event: reference, slidesFile: media },
    }),
  }),
  speakers: defineCollection({
    loader: strapiLoader({ type: 'speakers', schema: SpeakerSchema, populate: { photo: media, links: true } }),
  }),
  venues: defineCollection({
    loader: strapiLoader({ type: 'venues', schema: VenueSchema }),
  }),
  posts: defineCollection({
    loader: strapiLoader({ type: 'posts', schema: PostSchema, populate: { cover: media } }),
  }),
  sponsors: defineCollection({
    loader: strapiLoader({ type: 'sponsors', schema: SponsorSchema, populate: { logo: media } }),
  }),
  groups: defineCollection({
    loader: strapiLoader({ type: 'groups', schema: GroupSchema, populate: { logo: media, partners: true } }),
  }),
  members: defineCollection({
    loader: strapiLoader({ type: 'members', schema: MemberSchema, populate: { photo: media, links: true } }),
  }),
  pages: defineCollection({
    loader: strapiLoader({ type: 'pages', schema: PageSchema }),
  }),
  global: defineCollection({
    loader: strapiLoader({
      type: 'global',
      single: true,
      schema: GlobalSchema,
      populate: { logo: media, mascot: media, socialLinks: true, announcement: true, seo: { populate: { shareImage: media } } },
    }),
  }),
};
