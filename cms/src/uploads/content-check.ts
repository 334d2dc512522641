import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { errors } from '@strapi/utils';
import { ACCEPTED_FORMAT_NAMES, HEAD_BYTES, acceptedFormatOf } from './accepted-formats';

/** The part of a formidable file (as Strapi's upload service receives it) the check reads and corrects. */
export interface IncomingFile {
  filepath?: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  detectedMimeType?: string;
}

async function readHead(path: string): Promise<Buffer> {
  const buffer = Buffer.alloc(HEAD_BYTES);
  const handle = await open(path, 'r');
  try {
    await handle.read(buffer, 0, HEAD_BYTES, 0);
  } finally {
    await handle.close();
  }
  return buffer;
}

/**
 * Refuses a file that is not one of the accepted formats by its content and its extension, and
 * makes the type it will be stored with the one its content shows (Strapi otherwise keeps the
 * type the client declared when its own sniffing recognises nothing, as for SVG or HTML).
 * Throws Strapi's ValidationError, which the API answers with 400 and the message.
 */
export async function checkUploadedFile(file: IncomingFile): Promise<void> {
  const name = file.originalFilename ?? 'file';
  const format = file.filepath ? acceptedFormatOf(await readHead(file.filepath), extname(name)) : undefined;
  if (!format) {
    throw new errors.ValidationError(
      `"${name}" is not an accepted image or document (${ACCEPTED_FORMAT_NAMES}, named with its own extension)`,
    );
  }
  file.mimetype = format.mime;
  file.detectedMimeType = format.mime;
}
