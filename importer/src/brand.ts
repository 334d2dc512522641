import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { parse as parseYaml } from 'yaml';
import { MediaLibrary } from './media.ts';
import type { Issue } from './plan.ts';
import { ImportRecords } from './records.ts';

/** The old site's logo and mascot, as its `images/` folder names them. */
export const BRAND_IMAGES = {
  logo: 'images/clermontech_logo_200px.png',
  mascot: 'images/clermontech_mascotte_400px.png',
} as const;

type BrandField = keyof typeof BRAND_IMAGES;

interface GlobalRow {
  documentId: string;
  logo?: { id: number } | null;
  mascot?: { id: number } | null;
}

/** The association's name as the old site's feed gives it (`rss.title`), if any. */
function siteTitle(siteRoot: string): string | undefined {
  const path = join(siteRoot, '_config.yml');
  if (!existsSync(path)) return undefined;
  try {
    const config = parseYaml(readFileSync(path, 'utf8'), { schema: 'failsafe', uniqueKeys: false }) as {
      rss?: { title?: unknown };
    } | null;
    const title = config?.rss?.title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Gives the site settings the old site's logo and mascot, uploaded like the other images (once, known
 * by their bytes). A logo or mascot already chosen in the settings is left as it is: the association's
 * choice wins over the old site. Returns whether the settings changed, and what could not be done.
 */
export async function importBrand(
  strapi: Core.Strapi,
  siteRoot: string,
): Promise<{ changed: boolean; issues: Issue[] }> {
  const issues: Issue[] = [];
  const globals = strapi.documents('api::global.global');
  const current = (await globals.findFirst({ populate: { logo: true, mascot: true } })) as GlobalRow | null;
  const records = new ImportRecords(strapi);
  await records.load();
  const media = new MediaLibrary(strapi, siteRoot, records);
  const data: Partial<Record<BrandField, number>> = {};
  for (const [field, path] of Object.entries(BRAND_IMAGES) as [BrandField, string][]) {
    if (current?.[field]) continue;
    if (!existsSync(join(siteRoot, ...path.split('/')))) {
      issues.push({
        file: path,
        field: `global.${field}`,
        level: 'info',
        message: `no /${path} in the site; the settings keep no ${field}`,
      });
      continue;
    }
    data[field] = (await media.file(path)).id;
  }
  if (Object.keys(data).length === 0) return { changed: false, issues };
  if (current) {
    await globals.update({ documentId: current.documentId, data: data as never });
    return { changed: true, issues };
  }
  const siteName = siteTitle(siteRoot);
  if (!siteName) {
    issues.push({
      file: '_config.yml',
      field: 'global.siteName',
      level: 'warning',
      message: 'no site settings yet and no rss.title to name the site; logo and mascot not set',
    });
    return { changed: false, issues };
  }
  await globals.create({ data: { siteName, ...data } as never });
  return { changed: true, issues };
}
