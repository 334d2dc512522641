import { describe, expect, it } from 'vitest';
import { PreviewImageGrants } from '../../../site/publisher/preview-images.ts';

const SECRET = 's'.repeat(64);
const page = [
  '<img src="/_preview/_image?href=http%3A%2F%2Fcms.test%2Fuploads%2Fa.png&#38;w=400&#38;f=avif" alt="">',
  '<source srcset="/_preview/_image?href=%2Fb.png&amp;w=200&amp;f=webp 1x, /_preview/_image?href=%2Fb.png&amp;w=400&amp;f=webp 2x">',
].join('\n');

/** The image URLs of a page, as a browser reads them. */
function links(html: string): URL[] {
  return [...html.matchAll(/\/_preview\/_image\?[^"\s]*/g)].map(
    (match) => new URL(match[0].replace(/,$/, '').replaceAll('&amp;', '&'), 'http://site.test'),
  );
}

describe('preview image grants', () => {
  it('signs every image link of a rendered page, each for its own parameters', () => {
    const grants = new PreviewImageGrants(SECRET);
    const signed = links(grants.signPage(page));
    expect(signed).toHaveLength(3);
    for (const url of signed) expect(grants.verify(url)).toBe(true);
    expect(signed[0]!.searchParams.get('href')).toBe('http://cms.test/uploads/a.png');
    expect(signed[2]!.searchParams.get('w')).toBe('400');
  });

  it('refuses a link without a grant, with changed parameters, signed by another key, or expired', () => {
    let now = Date.now();
    const grants = new PreviewImageGrants(SECRET, () => now);
    const [url] = links(grants.signPage(page));
    expect(grants.verify(new URL('http://site.test/_preview/_image?href=%2Fb.png&w=400&f=webp'))).toBe(false);
    const bigger = new URL(url!);
    bigger.searchParams.set('w', '4000');
    expect(grants.verify(bigger)).toBe(false);
    const svg = new URL(url!);
    svg.searchParams.set('f', 'svg');
    expect(grants.verify(svg)).toBe(false);
    expect(new PreviewImageGrants('t'.repeat(64), () => now).verify(url!)).toBe(false);
    now += 61 * 60_000;
    expect(grants.verify(url!)).toBe(false);
  });

  it('keeps each encoded image once, within its byte budget', () => {
    const grants = new PreviewImageGrants(SECRET);
    const [first, second] = links(grants.signPage(page));
    const image = { body: new Uint8Array(5 * 1024 * 1024), type: 'image/avif' };
    grants.remember(first!, image);
    expect(grants.cached(first!)).toBe(image);
    expect(grants.cached(second!)).toBeUndefined();
    // 32 MB in all: the oldest goes first.
    for (let i = 0; i < 7; i++) grants.remember(new URL(`http://site.test/_preview/_image?href=%2F${i}.png`), image);
    expect(grants.cached(first!)).toBeUndefined();
  });
});
