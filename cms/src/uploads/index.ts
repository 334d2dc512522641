import type { Core } from '@strapi/strapi';
import { checkStoredFiles } from './check-stored-files';
import { disableUploadFromUrl } from './upload-from-url';

/** What the media library accepts, wherever a file comes in. Call at register, before routes are mounted. */
export function guardUploads(strapi: Core.Strapi): void {
  checkStoredFiles(strapi);
  disableUploadFromUrl(strapi);
}
