import { openSync, readSync, closeSync } from 'node:fs';
import type { Context, Next } from 'koa';
import { normalisePath } from './auth-rate-limit';

interface UploadedFile {
  filepath?: string;
  originalFilename?: string | null;
}

/** The first bytes of every format volunteers may upload. A file is what its content says it is. */
const SIGNATURES: { format: string; matches: (head: Buffer) => boolean }[] = [
  { format: 'PNG', matches: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { format: 'JPEG', matches: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff },
  { format: 'GIF', matches: (head) => /^GIF8[79]a/.test(head.toString('latin1', 0, 6)) },
  { format: 'WebP', matches: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP' },
  { format: 'AVIF', matches: (head) => /^ftypavi[fs]/.test(head.toString('latin1', 4, 12)) },
  { format: 'PDF', matches: (head) => head.toString('latin1', 0, 5) === '%PDF-' },
  // PPTX and ODP slides are ZIP archives; their MIME type is checked by Strapi's own allowlist.
  { format: 'ZIP', matches: (head) => head.toString('latin1', 0, 4) === 'PK\u0003\u0004' },
];

function head(path: string): Buffer {
  const buffer = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buffer, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return buffer;
}

/**
 * Strapi's upload validation trusts the declared type when content sniffing finds nothing, which is
 * the case of text formats: an SVG or an HTML page named photo.png got in. Every uploaded file must
 * start like an image or a document we accept.
 */
export default () =>
  async function uploadContentCheck(ctx: Context, next: Next) {
    const path = normalisePath(ctx.path);
    if (ctx.method === 'POST' && (path === '/upload' || path === '/api/upload')) {
      const files = Object.values((ctx.request as unknown as { files?: Record<string, UploadedFile | UploadedFile[]> }).files ?? {}).flat();
      for (const file of files) {
        if (!file.filepath || !SIGNATURES.some(({ matches }) => matches(head(file.filepath!)))) {
          ctx.status = 400;
          ctx.body = {
            data: null,
            error: {
              status: 400,
              name: 'ValidationError',
              message: `"${file.originalFilename ?? 'file'}" is not an accepted image or document (PNG, JPEG, GIF, WebP, AVIF, PDF, PPTX, ODP)`,
              details: {},
            },
          };
          return;
        }
      }
    }
    await next();
  };
