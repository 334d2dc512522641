import { createHmac, timingSafeEqual } from 'node:crypto';

/** Astro's image endpoint in the preview's server (site/src/lib/preview/integration.ts). */
export const PREVIEW_IMAGE_PATH = '/_preview/_image';

/** How long an image link of a rendered preview works: as long as the preview token that rendered it. */
const GRANT_TTL_SECONDS = 60 * 60;
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

/** The image URLs of a rendered page: in src, srcset or style attributes, `&` escaped or not. */
const IMAGE_URL = /\/_preview\/_image\?[^"'\s<>)]*/g;

/** An encoded image, as the preview's server made it. */
export interface PreviewImage {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/** The query a grant covers: every parameter but the grant's own, in a stable order. */
function coveredQuery(params: URLSearchParams): string {
  const covered = new URLSearchParams([...params].filter(([name]) => name !== 'exp' && name !== 'sig'));
  covered.sort();
  return covered.toString();
}

/**
 * Image links a preview page may use. Astro's image endpoint resizes and re-encodes on demand, so it
 * is no open service: only a page rendered with a valid preview token gets links to it, each signed
 * for its exact parameters until it expires, and each result is kept so the same link costs one
 * encoding.
 */
export class PreviewImageGrants {
  readonly #key: Buffer;
  readonly #now: () => number;
  readonly #cache = new Map<string, PreviewImage>();
  #cachedBytes = 0;

  /** `secret`: the publisher's token; grants are signed with a key derived from it. */
  constructor(secret: string, now: () => number = Date.now) {
    this.#key = createHmac('sha256', secret).update('preview image grants').digest();
    this.#now = now;
  }

  #mac(query: string, exp: string): string {
    return createHmac('sha256', this.#key).update(`${exp}\n${query}`).digest('base64url');
  }

  /** The query string of a signed link to the image `params` names. */
  sign(params: URLSearchParams): string {
    const exp = String(Math.floor(this.#now() / 1000) + GRANT_TTL_SECONDS);
    const query = coveredQuery(params);
    return `${query}&exp=${exp}&sig=${this.#mac(query, exp)}`;
  }

  /** A rendered preview page with every image link signed. */
  signPage(html: string): string {
    return html.replace(IMAGE_URL, (match) => {
      const [url, trailing] = /^(.*?)(,*)$/.exec(match)!.slice(1) as [string, string];
      const query = url.slice(url.indexOf('?') + 1).replace(/&(?:amp|#38|#x26);/gi, '&');
      return `${PREVIEW_IMAGE_PATH}?${this.sign(new URLSearchParams(query)).replaceAll('&', '&amp;')}${trailing}`;
    });
  }

  /** Whether `url` carries a grant for exactly its parameters that has not expired. */
  verify(url: URL): boolean {
    const exp = url.searchParams.get('exp');
    const sig = url.searchParams.get('sig');
    if (!exp || !sig || !/^\d{1,12}$/.test(exp) || Number(exp) * 1000 <= this.#now()) return false;
    const expected = Buffer.from(this.#mac(coveredQuery(url.searchParams), exp));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The encoded image for these parameters, if it was made before. */
  cached(url: URL): PreviewImage | undefined {
    return this.#cache.get(coveredQuery(url.searchParams));
  }

  remember(url: URL, image: PreviewImage): void {
    if (image.body.length > MAX_CACHED_BYTES / 4) return;
    // Oldest first: a Map iterates in insertion order.
    for (const [key, old] of this.#cache) {
      if (this.#cachedBytes + image.body.length <= MAX_CACHED_BYTES) break;
      this.#cache.delete(key);
      this.#cachedBytes -= old.body.length;
    }
    const key = coveredQuery(url.searchParams);
    const previous = this.#cache.get(key);
    if (previous) this.#cachedBytes -= previous.body.length;
    this.#cache.set(key, image);
    this.#cachedBytes += image.body.length;
  }
}
