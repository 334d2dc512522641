import { rm } from 'node:fs/promises';
import type { Context } from 'koa';

interface ParsedFile {
  filepath?: string;
}

/**
 * Remembers every file the body parser hands the request (`ctx.request.files`, any field name),
 * even after Strapi's body middleware deletes the list, and returns a function that deletes them
 * all. Strapi only removes the `files` field, only when the route succeeded, and without waiting.
 */
export function trackParsedFiles(ctx: Context): () => Promise<void> {
  const parsed: ParsedFile[] = [];
  let current: unknown;
  Object.defineProperty(ctx.request, 'files', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set(files: unknown) {
      current = files;
      if (files && typeof files === 'object')
        parsed.push(...(Object.values(files) as (ParsedFile | ParsedFile[])[]).flat());
    },
  });
  return async () => {
    await Promise.all(parsed.flatMap((file) => (file.filepath ? [rm(file.filepath, { force: true })] : [])));
  };
}
