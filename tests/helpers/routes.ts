import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, type RunningCms } from './cms.ts';

export interface Route {
  method: string;
  path: string;
}

/**
 * Every HTTP route the CMS registers, from `cms/scripts/list-routes.mts` on the test CMS's
 * environment, each method once. Run without blocking: that script boots a second Strapi for
 * seconds, during which the CMS closes idle keep-alive connections; a blocked event loop would not
 * notice, and the next fetch would reuse a dead socket.
 */
export async function registeredRoutes(cms: RunningCms): Promise<Route[]> {
  const result = await promisify(execFile)(process.execPath, [join(repoRoot, 'cms/scripts/list-routes.mts')], {
    cwd: join(repoRoot, 'cms'),
    env: { ...process.env, ...cms.env },
    encoding: 'utf8',
    maxBuffer: 20_000_000,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? error.message,
  }));
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('[{'));
  if (!line) throw new Error(`list-routes failed:\n${result.stderr.slice(-2000)}`);
  const unique = new Map<string, Route>();
  for (const route of JSON.parse(line) as Route[]) unique.set(`${route.method} ${route.path}`, route);
  return [...unique.values()];
}

/** Where Strapi's own routes live: the content API, the admin, each bundled plugin, health and static files. */
const STRAPI_PREFIXES = [
  'api',
  'admin',
  'content-manager',
  'content-type-builder',
  'upload',
  'uploads',
  'i18n',
  'email',
  'users-permissions',
  'content-releases',
  'review-workflows',
  '_health',
];
const STRAPI_STATIC = ['/', '/((?!uploads/).+)'];

/** The routes this project added to the CMS's admin side (`strapi.server.routes({ type: 'admin' })`). */
export function customAdminRoutes(routes: Route[]): Route[] {
  return routes.filter(
    ({ path }) => !STRAPI_STATIC.includes(path) && !STRAPI_PREFIXES.includes(path.split('/')[1] ?? ''),
  );
}
