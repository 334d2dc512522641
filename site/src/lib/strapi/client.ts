import { CMS_FETCH } from '../../consts.ts';
import { CmsResponseError, CmsUnreachableError } from './errors.ts';
import { toSearchParams, type Query } from './query.ts';

/** Where and how to reach the CMS. Tests shorten the delays; the build uses CMS_FETCH. */
export interface CmsConnection {
  /** Base URL of the CMS, e.g. http://127.0.0.1:1337 */
  url: string;
  /** Read-only API token; anonymous when absent. */
  token?: string | undefined;
  timeoutMs?: number;
  /** Total tries per request, the first included. */
  attempts?: number;
  /** Delay before the first retry; doubled at each further retry. */
  backoffMs?: number;
}

const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The URL without its query string, as error messages show it. */
function shownUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GETs `/api/<path>` and returns the parsed JSON body. Network errors, timeouts and transient
 * statuses are retried with exponential backoff; anything else fails at once.
 * Throws CmsUnreachableError or CmsResponseError, each with a one-line message naming the URL.
 * A 404 resolves to `undefined` when `allowNotFound` is set (an unset single type).
 */
export async function getJson(
  connection: CmsConnection,
  path: string,
  query: Query = {},
  { allowNotFound = false } = {},
): Promise<unknown> {
  const url = new URL(`api/${path}`, connection.url.endsWith('/') ? connection.url : `${connection.url}/`);
  url.search = toSearchParams(query).toString();
  const timeoutMs = connection.timeoutMs ?? CMS_FETCH.timeoutMs;
  const attempts = Math.max(1, connection.attempts ?? CMS_FETCH.attempts);
  const backoffMs = connection.backoffMs ?? CMS_FETCH.backoffMs;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (connection.token) headers.authorization = `Bearer ${connection.token}`;

  let lastFailure: Error = new CmsUnreachableError(`CMS unreachable at ${shownUrl(url)}`);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(backoffMs * 2 ** (attempt - 2));
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      lastFailure = new CmsUnreachableError(
        `CMS unreachable at ${shownUrl(url)}: ${describeNetworkError(error, timeoutMs)}`,
      );
      continue;
    }
    if (response.ok) {
      try {
        return await response.json();
      } catch {
        throw new CmsResponseError(`CMS sent invalid JSON at ${shownUrl(url)}`, response.status);
      }
    }
    await response.body?.cancel();
    if (response.status === 404 && allowNotFound) return undefined;
    const failure = new CmsResponseError(
      `CMS request failed at ${shownUrl(url)}: HTTP ${response.status}${hintFor(response.status)}`,
      response.status,
    );
    if (!TRANSIENT_STATUSES.has(response.status)) throw failure;
    lastFailure = failure;
  }
  throw lastFailure;
}

function hintFor(status: number): string {
  if (status === 401 || status === 403) return ' (check CMS_TOKEN or the public role permissions)';
  if (status === 404) return ' (unknown content type?)';
  return '';
}
