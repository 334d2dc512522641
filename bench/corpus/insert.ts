/**
 * Writes a synthetic corpus into the CMS's database from a Strapi instance of its own (loaded as
 * cms/scripts/load-cms.mts does), beside the running CMS:
 *
 *   node bench/corpus/insert.ts <scale>
 *
 * with the CMS's environment (database, secrets). Prints one JSON line: the counts and the time taken.
 *
 * The Document Service is too slow for the large corpora (a draft, then its published copy, each
 * relation looked up by documentId; figures in bench/README.md). So the collections go in bulk through Strapi's query engine instead, written the way the Document Service
 * stores them: a draft row and a published row per document sharing its documentId, drafts linked to
 * drafts and published rows to published rows, order columns from the relation metadata. The site
 * build (every entry through its zod schema) and the public API counts check the result.
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { syntheticCorpus, type SyntheticCorpus } from './synthetic.ts';

const cmsRoot = resolve(import.meta.dirname, '..', '..', 'cms');
const require = createRequire(join(cmsRoot, 'package.json'));
const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');

type Strapi = Awaited<ReturnType<ReturnType<typeof createStrapi>['load']>>;
type Data = Record<string, unknown>;

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}
interface RelationAttribute {
  type: 'relation';
  target: string;
  joinTable?: JoinTable;
}

/** Row ids of each document's two versions, by the entry's slug (or name). */
type Inserted = Map<string, { draft: number; published: number }>;

/** A documentId as Strapi makes them (cuid2: 24 lowercase letters and digits, a letter first). */
function documentId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return [...bytes].map((byte, index) => alphabet[index === 0 ? byte % 26 : byte % 36]).join('');
}

const keyOf = (entry: Data) => String(entry.slug ?? entry.name);

async function insertRows(strapi: Strapi, uid: string, entries: Data[], relationNames: string[]): Promise<Inserted> {
  const query = strapi.db.query(uid);
  const now = new Date();
  const ids = entries.map(() => documentId());
  const rows = (publishedAt: Date | null) =>
    entries.map((entry, index) => {
      const columns = Object.fromEntries(Object.entries(entry).filter(([name]) => !relationNames.includes(name)));
      return { ...columns, documentId: ids[index], createdAt: now, updatedAt: now, publishedAt };
    });
  await query.createMany({ data: [...rows(null), ...rows(now)] as never });
  const stored = (await query.findMany({
    select: ['id', 'documentId', 'publishedAt'],
    where: { documentId: { $in: ids } },
  })) as unknown as {
    id: number;
    documentId: string;
    publishedAt: unknown;
  }[];
  const byDocument = new Map<string, { draft: number; published: number }>();
  for (const row of stored) {
    const versions = byDocument.get(row.documentId) ?? { draft: 0, published: 0 };
    versions[row.publishedAt ? 'published' : 'draft'] = row.id;
    byDocument.set(row.documentId, versions);
  }
  return new Map(entries.map((entry, index) => [keyOf(entry), byDocument.get(ids[index]!)!]));
}

/** Link rows for one relation attribute, both versions, with the order columns Strapi keeps. */
async function insertLinks(
  strapi: Strapi,
  attribute: RelationAttribute,
  links: [source: { draft: number; published: number }, targets: { draft: number; published: number }[]][],
): Promise<void> {
  const table = attribute.joinTable;
  if (!table) throw new Error(`relation to ${attribute.target} has no join table`);
  const rows: Data[] = [];
  for (const version of ['draft', 'published'] as const) {
    const inverseOrder = new Map<number, number>();
    for (const [source, targets] of links) {
      targets.forEach((target, index) => {
        const row: Data = { [table.joinColumn.name]: source[version], [table.inverseJoinColumn.name]: target[version] };
        if (table.orderColumnName) row[table.orderColumnName] = index + 1;
        if (table.inverseOrderColumnName) {
          const order = (inverseOrder.get(target[version]) ?? 0) + 1;
          inverseOrder.set(target[version], order);
          row[table.inverseOrderColumnName] = order;
        }
        rows.push(row);
      });
    }
  }
  await strapi.db.connection.batchInsert(table.name, rows as never, 200);
}

/** Inserts a collection; relation fields hold slugs of entries inserted before (`related`, by target uid). */
async function insertCollection(
  strapi: Strapi,
  uid: string,
  entries: Data[],
  related: Map<string, Inserted>,
): Promise<Inserted> {
  const attributes = strapi.db.metadata.get(uid).attributes as Record<string, { type: string }>;
  const relationNames = Object.keys(entries[0] ?? {}).filter((name) => attributes[name]?.type === 'relation');
  const inserted = await insertRows(strapi, uid, entries, relationNames);
  for (const name of relationNames) {
    const attribute = attributes[name] as RelationAttribute;
    const targets = related.get(attribute.target);
    if (!targets) throw new Error(`${uid}.${name}: insert ${attribute.target} first`);
    const links = entries.map((entry) => {
      const value = entry[name];
      const slugs = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
      const found = slugs.map((slug) => {
        const target = targets.get(String(slug));
        if (!target) throw new Error(`${uid}.${name}: no ${attribute.target} with slug ${String(slug)}`);
        return target;
      });
      return [inserted.get(keyOf(entry))!, found] as [
        { draft: number; published: number },
        { draft: number; published: number }[],
      ];
    });
    await insertLinks(strapi, attribute, links);
  }
  return inserted;
}

async function insertCorpus(strapi: Strapi, corpus: SyntheticCorpus): Promise<Record<string, number>> {
  const inserted = new Map<string, Inserted>();
  const order: [uid: string, entries: Data[]][] = [
    ['api::venue.venue', corpus.venues],
    ['api::sponsor.sponsor', corpus.sponsors],
    ['api::group.group', corpus.groups],
    ['api::speaker.speaker', corpus.speakers],
    ['api::event.event', corpus.events],
    ['api::talk.talk', corpus.talks],
    ['api::post.post', corpus.posts],
    ['api::page.page', corpus.pages],
    ['api::member.member', corpus.members],
  ];
  for (const [uid, entries] of order) inserted.set(uid, await insertCollection(strapi, uid, entries, inserted));
  // One entry with components: the Document Service handles those.
  await strapi.documents('api::global.global').create({ data: corpus.global as never });
  return Object.fromEntries(
    Object.entries(corpus).map(([type, entries]) => [type, Array.isArray(entries) ? entries.length : 1]),
  );
}

const scale = Number(process.argv[2]);
if (!(scale > 0)) {
  console.error('Usage: node bench/corpus/insert.ts <scale>');
  process.exit(2);
}

const started = performance.now();
process.chdir(cmsRoot);
const strapi = await createStrapi({ appDir: cmsRoot, distDir: join(cmsRoot, 'dist') }).load();
strapi.log.level = 'warn';
try {
  const runner = strapi.get('webhookRunner');
  for (const webhook of await strapi.get('webhookStore').findWebhooks()) runner.remove(webhook);
  const loadedMs = performance.now() - started;
  const counts = await insertCorpus(strapi, syntheticCorpus(scale));
  console.log(
    JSON.stringify({
      counts,
      loadMs: Math.round(loadedMs),
      insertMs: Math.round(performance.now() - started - loadedMs),
    }),
  );
} finally {
  await strapi.destroy();
}
process.exit(0);
