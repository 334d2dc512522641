/**
 * Astro's sharp image service, with a cache of encoded images that outlives every build's own
 * cache. Astro keeps processed images in its cache folder, keyed by URL, and a cold build (a new
 * publisher, a deleted cache, a CMS on another port) starts that folder empty and encodes every
 * image again, which is most of a cold build's time. Here an image is found by what it is made
 * from: the source's bytes, the transform asked for, the encoder settings and sharp's version. The
 * same bytes always give the same key, whatever URL they came from, so the cache can't go stale
 * and any number of builds may share it (entries are written whole, then renamed into place).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharpService, { type SharpImageServiceConfig } from 'astro/assets/services/sharp';
import type { LocalImageService } from 'astro';
import sharp from 'sharp';

export interface CachedSharpConfig extends SharpImageServiceConfig {
  /** Where encoded images are kept, across builds. */
  imageCacheDir: string;
}

/** A stable text of a transform, without where the source came from. */
function transformKey(transform: Record<string, unknown>): string {
  const { src: _where, ...rest } = transform;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

function encoderKey(config: CachedSharpConfig): string {
  const { imageCacheDir: _where, ...encoder } = config;
  return JSON.stringify(encoder);
}

const service: LocalImageService<CachedSharpConfig> = {
  ...(sharpService as LocalImageService<CachedSharpConfig>),
  async transform(inputBuffer, transform, imageConfig, logger) {
    const config = imageConfig.service.config;
    const key = createHash('sha256')
      .update(inputBuffer)
      .update('\0')
      .update(transformKey(transform))
      .update('\0')
      .update(encoderKey(config))
      .update('\0')
      .update(sharp.versions.sharp)
      .digest('base64url');
    const file = join(config.imageCacheDir, key);
    try {
      const cached = readFileSync(file);
      const formatLength = cached.readUInt8(0);
      return { data: cached.subarray(1 + formatLength), format: cached.subarray(1, 1 + formatLength).toString() };
    } catch {
      // Not encoded yet (or unreadable): encode it below.
    }
    const result = await sharpService.transform(inputBuffer, transform, imageConfig, logger);
    // One file per entry, the format first: an entry is written and renamed in one go, never half.
    const format = Buffer.from(result.format);
    try {
      mkdirSync(config.imageCacheDir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.concat([Buffer.from([format.length]), format, result.data]));
      renameSync(partial, file);
    } catch (error) {
      logger.warn(`image not kept in ${config.imageCacheDir}: ${(error as Error).message}`);
    }
    return result;
  },
};

export default service;
