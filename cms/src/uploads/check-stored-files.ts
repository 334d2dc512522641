import type { Core } from '@strapi/strapi';
import { checkUploadedFile, type IncomingFile } from './content-check';

/** The two methods of Strapi's upload service that write a file's bytes (5.54: every route that takes a file ends in one of them). */
interface UploadService {
  upload(input: { data: unknown; files: IncomingFile | IncomingFile[] }, opts?: unknown): Promise<unknown>;
  replace(id: unknown, input: { data: unknown; file: IncomingFile }, opts?: unknown): Promise<unknown>;
}

/**
 * Checks every file an HTTP request stores, in the upload service itself, before it writes
 * anything: the admin's upload, its single-file and replace routes, the content API's upload and
 * whatever route Strapi adds next all end here. Files the operator imports from the command line
 * (the Jekyll importer, no request) are the old site's own and are not checked.
 */
export function checkStoredFiles(strapi: Core.Strapi): void {
  const fromRequest = () => strapi.requestContext.get() !== undefined;
  strapi.get('services').extend('plugin::upload.upload', (service: UploadService) => ({
    ...service,
    async upload(input: Parameters<UploadService['upload']>[0], opts?: unknown) {
      if (fromRequest()) for (const file of [input.files].flat()) await checkUploadedFile(file);
      return service.upload(input, opts);
    },
    async replace(id: unknown, input: Parameters<UploadService['replace']>[1], opts?: unknown) {
      if (fromRequest()) await checkUploadedFile(input.file);
      return service.replace(id, input, opts);
    },
  }));
}
