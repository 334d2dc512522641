/**
 * The site's files, as the publisher serves them from a release. Not srvx's staticMiddleware (nor
 * another kept one), which serves one fixed folder: here the folder is the release current at each
 * request, and a hashed asset may come from the release before. It would also serve the preview's
 * server code (`_server/`, no dot folder), compress the same unchanging file again on every request
 * where this compresses it once, and send the feed and the calendar without their types or charset.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { SERVER_DIR } from './preview.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};
/** Files whose extension doesn't say what they are: the feed is XML of Atom's kind (the sitemap is plain XML). */
const NAMED_TYPES: Record<string, string> = {
  'atom.xml': 'application/atom+xml; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|atom\+xml|manifest\+json|wasm)|image\/svg)/;

export interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  /** Hashed asset names never change content: cache them for a year. */
  immutable: boolean;
}

interface CacheEntry {
  file: StaticFile;
  encoded: Map<string, Buffer>;
}

/** Release files never change once written, so their bytes, hashes and compressed forms are cached by path. */
const cache = new Map<string, CacheEntry>();
let cachedBytes = 0;
const MAX_CACHED_BYTES = 64 * 1024 * 1024;

function remember(path: string, entry: CacheEntry): CacheEntry {
  if (cachedBytes + entry.file.body.length > MAX_CACHED_BYTES) {
    cache.clear();
    cachedBytes = 0;
  }
  cache.set(path, entry);
  cachedBytes += entry.file.body.length;
  return entry;
}

/**
 * Files named after their content (Vite's assets, Pagefind's index chunks): the same name always
 * means the same bytes, in any release.
 */
export function isHashedAsset(path: string): boolean {
  return /\/_astro\//.test(path) || /\/pagefind\/.*\.pf_/.test(path);
}

/** A release's server code (the preview's renderer): run by the publisher, never served. */
const PRIVATE_DIRS = [SERVER_DIR];

/** The file a URL path names inside `root`, or undefined; never a path outside `root` nor in its private folders. */
export function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return undefined;
  const relative = normalize(decoded).replace(/^\/+/, '');
  if (PRIVATE_DIRS.some((dir) => relative === dir || relative.startsWith(`${dir}/`))) return undefined;
  const candidates =
    decoded.endsWith('/') || relative === ''
      ? [join(relative, 'index.html')]
      : [relative, `${relative}.html`, join(relative, 'index.html')];
  for (const candidate of candidates) {
    const full = join(root, candidate);
    if (!full.startsWith(root)) continue;
    if (isFile(full)) return full;
  }
  return undefined;
}

/** Whether `path` is a file; a name the file system refuses (too long, say) names none. */
function isFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function load(path: string): CacheEntry {
  const cached = cache.get(path);
  if (cached) return cached;
  const body = readFileSync(path);
  const type = NAMED_TYPES[basename(path)] ?? TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  const immutable = isHashedAsset(path);
  return remember(path, { file: { body, type, etag, immutable }, encoded: new Map() });
}

export function readStatic(path: string): StaticFile {
  return load(path).file;
}

/** The body in the best encoding the client accepts (brotli, then gzip), compressed once per file. */
export function encodeFor(path: string, acceptEncoding: string | null): { body: Buffer; encoding?: string } {
  const entry = load(path);
  const { body, type } = entry.file;
  if (!COMPRESSIBLE.test(type) || body.length < 512) return { body };
  const accepts = acceptEncoding ?? '';
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
  if (!encoding) return { body };
  let encoded = entry.encoded.get(encoding);
  if (!encoded) {
    encoded =
      encoding === 'br'
        ? brotliCompressSync(body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : gzipSync(body, { level: 6 });
    entry.encoded.set(encoding, encoded);
  }
  return { body: encoded, encoding };
}
