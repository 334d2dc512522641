import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../../tests/helpers/cms.ts';
import {
  EXPECTED,
  KINDS,
  listAll,
  removeUploads,
  runImporter,
  stopImporters,
  total,
  type ImportRun,
} from '../../../tests/helpers/importer.ts';

/** The same import on PostgreSQL (when the machine has one, as in CI), with the CMS running. */
// tests/vitest.config.ts only includes this file where DATABASE_URL names a server (as in CI).
describe('importing the Jekyll site (PostgreSQL)', () => {
  let cms: RunningCms;
  let first: ImportRun;

  beforeAll(async () => {
    cms = await startCms({ database: 'postgres', seedDemo: false });
    first = await runImporter(cms);
  });
  afterAll(async () => {
    stopImporters();
    if (cms) await removeUploads(cms).catch(() => undefined);
    await cms?.destroy();
  });

  it('imports everything', async () => {
    expect(first.code, first.stderr).toBe(0);
    for (const [path, count] of Object.entries(EXPECTED)) expect(await total(cms, path), path).toBe(count);
    for (const [kind, count] of Object.entries(KINDS))
      expect(await total(cms, 'events', `filters[kind][$eq]=${kind}`), kind).toBe(count);
    const talks = await listAll<{ event: unknown }>(cms, 'talks', 'populate[event][fields][0]=slug');
    expect(talks.filter((talk) => !talk.event)).toEqual([]);
    const [event] = await listAll<{
      startsAt: string;
      capacity: number;
      venue: { latitude: number; longitude: number };
    }>(cms, 'events', 'filters[slug][$eq]=api-hour-45&populate[venue]=true');
    expect(event).toMatchObject({ startsAt: '2019-12-19T18:00:00.000Z', capacity: 50 });
    // Coordinates are floats: PostgreSQL keeps them to the metre (Strapi's "decimal" would round to 2 places).
    expect(event!.venue.latitude).toBeCloseTo(45.7818214, 6);
    expect(event!.venue.longitude).toBeCloseTo(3.0853745, 6);
    // The site settings, created by the import, carry the association's logo and mascot.
    const global = (await (
      await cms.fetch('/api/global?populate[logo][fields][0]=name&populate[mascot][fields][0]=name')
    ).json()) as { data: { siteName: string; logo: { name: string }; mascot: { name: string } } };
    expect(global.data).toMatchObject({
      siteName: "Clermont'ech",
      logo: { name: 'clermontech_logo_200px.png' },
      mascot: { name: 'clermontech_mascotte_400px.png' },
    });
  });

  it('changes nothing when run again', async () => {
    const second = await runImporter(cms);
    expect(second.code, second.stderr).toBe(0);
    expect(second.report!.changes).toBe(0);
    expect(second.report!.entries.every((entry) => entry.outcome === 'unchanged')).toBe(true);
  });
});
