import type { Core } from '@strapi/strapi';

/** What the CMS's router tells of a path: the routes it would run, in order. */
interface RouteMatcher {
  match(path: string, method: string): { pathAndMethod: { path: string; methods: string[] }[] };
}

/**
 * The routes whose controllers read uploaded files, as the router names them (Strapi 5.54): the
 * admin's upload (and replace, `?id=`), single-file upload and replace. The content API's
 * `POST /api/upload` is not here: nothing in this project uploads through the content API (the
 * site only reads, and the talk-proposal form takes no file), so neither the public role nor an
 * API token ever sends a file.
 */
const ROUTES_TAKING_FILES = new Set(['POST /upload', 'POST /upload/files', 'POST /upload/files/:id/replace']);

/**
 * True when the route the CMS's router would run for this request takes files. The router itself
 * decides, so every spelling it accepts (`/UPLOAD`, `/upload/`) is judged as the route it reaches.
 */
export function routeTakesFiles(strapi: Core.Strapi, method: string, path: string): boolean {
  const router = strapi.server.router as unknown as RouteMatcher;
  const route = router.match(path, method).pathAndMethod.find((layer) => layer.methods.length > 0);
  return route !== undefined && ROUTES_TAKING_FILES.has(`${method} ${route.path}`);
}
