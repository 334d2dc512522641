import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import service, { type CachedSharpConfig } from '../../../site/src/images/cached-sharp-service.ts';

const png = (red: number) =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: { r: red, g: 80, b: 120 } } })
    .png()
    .toBuffer();

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

function imageConfig(imageCacheDir: string) {
  const config: CachedSharpConfig = { avif: { effort: 2 }, imageCacheDir };
  return {
    service: { entrypoint: './src/images/cached-sharp-service.ts', config },
    domains: [],
    remotePatterns: [],
    dangerouslyProcessSVG: true,
    responsiveStyles: false,
  } as unknown as Parameters<typeof service.transform>[2];
}

describe('encoded images kept by what they are made of', () => {
  it('encodes an image once, whatever URL its bytes come from, and again when the bytes or the transform change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'images-'));
    const config = imageConfig(dir);
    const source = await png(10);
    const first = await service.transform(
      source,
      { src: 'http://127.0.0.1:1337/uploads/a.png?v=1', width: 20, format: 'avif' },
      config,
      logger,
    );
    expect(readdirSync(dir)).toHaveLength(1);
    const elsewhere = await service.transform(
      source,
      { src: 'http://127.0.0.1:40123/uploads/a.png?v=2', width: 20, format: 'avif' },
      config,
      logger,
    );
    // Sharp names what it wrote (AVIF is a HEIF format): a kept image says the same.
    expect(elsewhere.format).toBe(first.format);
    expect(Buffer.from(elsewhere.data).equals(Buffer.from(first.data))).toBe(true);
    expect(readdirSync(dir)).toHaveLength(1);

    await service.transform(
      await png(200),
      { src: 'http://127.0.0.1:1337/uploads/a.png?v=1', width: 20, format: 'avif' },
      config,
      logger,
    );
    await service.transform(
      source,
      { src: 'http://127.0.0.1:1337/uploads/a.png?v=1', width: 10, format: 'avif' },
      config,
      logger,
    );
    await service.transform(
      source,
      { src: 'http://127.0.0.1:1337/uploads/a.png?v=1', width: 20, format: 'webp' },
      config,
      logger,
    );
    expect(readdirSync(dir)).toHaveLength(4);
    const webp = await service.transform(source, { src: 'x', width: 20, format: 'webp' }, config, logger);
    expect(webp.format).toBe('webp');
    expect((await sharp(webp.data).metadata()).width).toBe(20);
  });
});
