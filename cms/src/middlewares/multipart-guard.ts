import type { Context, Next } from 'koa';
import type { Core } from '@strapi/strapi';
import { sendError } from '../http/error-body';
import { routeTakesFiles } from '../uploads/file-routes';
import { trackParsedFiles } from '../uploads/temp-files';
import { uploaderOf } from '../uploads/uploader';

/**
 * The body parser writes every file of a multipart body to the temporary folder before any route
 * runs, so multipart bodies are refused here, before it, unless the route the router would run
 * takes files and the sender is an admin allowed to upload. Whatever happens next, every file the
 * parser wrote is deleted before the response leaves.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async function multipartGuard(ctx: Context, next: Next) {
    if (!ctx.is('multipart')) return next();
    if (!routeTakesFiles(strapi, ctx.method, ctx.path)) {
      return sendError(ctx, 415, 'Multipart bodies are only accepted by the media library upload');
    }
    const uploader = await uploaderOf(strapi, ctx);
    if (uploader === 'none') return sendError(ctx, 401, 'Sign in to the admin to upload files');
    if (uploader === 'not-allowed') return sendError(ctx, 403, 'Your role may not upload files');
    const removeParsedFiles = trackParsedFiles(ctx);
    try {
      await next();
    } finally {
      await removeParsedFiles();
    }
  };
