import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** The admin route behind the media library's "From URL" tab (Strapi 5.54). */
const UPLOAD_FROM_URLS = { method: 'POST', path: '/actions/upload-from-urls' };

interface RouteSet {
  routes: { method: string; path: string }[];
}

/**
 * "Upload from URL" makes the CMS fetch any address a volunteer types and publish the answer.
 * Strapi checks the first DNS answer against a short private-range list, but not the addresses a
 * redirect or a second resolution lead to, nor 0.0.0.0 or IPv4-mapped IPv6: internal services
 * were reachable. Volunteers can download a file and upload it, so the feature is removed rather
 * than guarded: its route is never mounted, and the service that fetches refuses in case
 * anything else calls it. Runs at register, before Strapi mounts the routes.
 */
export function disableUploadFromUrl(strapi: Core.Strapi): void {
  const adminRoutes = (strapi.plugin('upload').routes as Record<string, RouteSet | undefined>).admin;
  if (!adminRoutes) throw new Error('the upload plugin has no admin routes: cannot disable upload from URL');
  adminRoutes.routes = adminRoutes.routes.filter(
    (route) => !(route.method === UPLOAD_FROM_URLS.method && route.path === UPLOAD_FROM_URLS.path),
  );
  strapi.get('services').extend('plugin::upload.file', (service: Record<string, unknown>) => ({
    ...service,
    fetchUrlToInputFile() {
      throw new errors.ForbiddenError('Upload from URL is disabled: download the file, then upload it');
    },
  }));
}
