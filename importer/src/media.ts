import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import type { Core } from '@strapi/strapi';
import { ImportRecords, type ImportRecord } from './records.ts';
import { withRetry } from './retry.ts';

/** The media-library folder imported files go to. */
export const MEDIA_FOLDER = 'Import Jekyll';

const MIME_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.odp': 'application/vnd.oasis.opendocument.presentation',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
};

export function mimeType(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface UploadedFile {
  id: number;
  url: string;
  /** True when this run uploaded it (false: it was already in the library). */
  uploaded: boolean;
}

interface StoredFile {
  id: number;
  url: string;
}

/**
 * Uploads the site's files to the media library, once each: a file is known by the hash of its bytes,
 * so re-runs (and two paths to the same image) reuse it, and a file changed in the site is uploaded
 * again. Each upload and its record are one transaction.
 */
export class MediaLibrary {
  private readonly cache = new Map<string, Promise<UploadedFile>>();
  private folderId: Promise<number> | undefined;
  uploads = 0;
  reused = 0;

  private readonly strapi: Core.Strapi;
  private readonly siteRoot: string;
  private readonly records: ImportRecords;

  constructor(strapi: Core.Strapi, siteRoot: string, records: ImportRecords) {
    this.strapi = strapi;
    this.siteRoot = siteRoot;
    this.records = records;
  }

  /** The file for a path of the site (`images/x.png`), uploading it if needed. Throws when it cannot be read or uploaded. */
  file(path: string): Promise<UploadedFile> {
    let found = this.cache.get(path);
    if (!found) {
      found = this.resolve(path);
      this.cache.set(path, found);
    }
    return found;
  }

  private async resolve(path: string): Promise<UploadedFile> {
    const full = join(this.siteRoot, ...path.split('/'));
    const bytes = readFileSync(full);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // Known by content: the same image under two names is one file of the library.
    const key = ImportRecords.key('media', sha256);
    const record = this.records.get(key);
    if (record?.fileId !== undefined && record.source === sha256) {
      const existing = (await this.strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { id: record.fileId }, select: ['id', 'url'] })) as StoredFile | null;
      if (existing) {
        this.reused++;
        return { id: existing.id, url: existing.url, uploaded: false };
      }
    }
    const folder = await this.folder();
    const uploaded = await withRetry(() =>
      this.strapi.db.transaction(async () => {
        const [file] = (await this.strapi
          .plugin('upload')
          .service('upload')
          .upload({
            data: { fileInfo: { name: posix.basename(path), folder } },
            files: {
              filepath: full,
              originalFilename: posix.basename(path),
              mimetype: mimeType(path),
              size: statSync(full).size,
            },
          })) as StoredFile[];
        if (!file) throw new Error(`the media library did not return the uploaded file ${path}`);
        const value: ImportRecord = {
          identity: path,
          fileId: file.id,
          source: sha256,
          written: sha256,
          at: new Date().toISOString(),
        };
        await this.records.persist(key, value);
        return { file, value };
      }),
    );
    this.records.remember(key, uploaded.value);
    this.uploads++;
    return { id: uploaded.file.id, url: uploaded.file.url, uploaded: true };
  }

  private folder(): Promise<number> {
    this.folderId ??= (async () => {
      const query = this.strapi.db.query('plugin::upload.folder');
      const existing = (await query.findOne({ where: { name: MEDIA_FOLDER, parent: null } })) as { id: number } | null;
      if (existing) return existing.id;
      const created = (await this.strapi
        .plugin('upload')
        .service('folder')
        .create({ name: MEDIA_FOLDER, parent: null })) as { id: number };
      return created.id;
    })();
    return this.folderId;
  }
}
