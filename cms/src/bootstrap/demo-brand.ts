import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { demoBrandImages, type DemoImage } from '../demo/brand-images';

interface StoredFile {
  id: number;
}

/** A demo image in the media library: the one of that name when a previous boot uploaded it, else uploaded now. */
async function libraryFile(strapi: Core.Strapi, image: DemoImage, folder: string): Promise<number> {
  const existing = (await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { name: image.name }, select: ['id'] })) as StoredFile | null;
  if (existing) return existing.id;
  const path = join(folder, image.name);
  await writeFile(path, image.bytes);
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: image.name, alternativeText: '' } },
      files: { filepath: path, originalFilename: image.name, mimetype: 'image/png', size: image.bytes.length },
    })) as StoredFile[];
  if (!file) throw new Error(`the media library did not return the demo image ${image.name}`);
  return file.id;
}

/** Uploads the demo's logo and mascot (once) and returns their ids for the site settings. */
export async function demoBrandFiles(strapi: Core.Strapi): Promise<{ logo: number; mascot: number }> {
  const images = await demoBrandImages();
  const folder = await mkdtemp(join(tmpdir(), 'clermontech-demo-'));
  try {
    return {
      logo: await libraryFile(strapi, images.logo, folder),
      mascot: await libraryFile(strapi, images.mascot, folder),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
