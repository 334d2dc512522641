import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpError } from './errors.ts';

/** The only methods the app answers; anything else is refused before it is seen. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

export interface ServeOptions {
  /** The site's public origin: request URLs are built on it, never on the Host header. */
  origin: string;
  /** Added to the answers the adapter gives itself (405, 400, 500), as the app adds them to its own. */
  headers?: Record<string, string>;
  log?: (line: string) => void;
}

/** What the adapter reads of Node's parsed request. */
export interface RawRequest {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

/**
 * The fetch-style Request for a parsed HTTP request, on `origin`. Throws an HttpError: 405 for a
 * method the app doesn't answer, 400 for a target that isn't a plain path (absolute-form, `*`,
 * missing) or headers a Request can't hold.
 */
export function toRequest(raw: RawRequest, origin: string): Request {
  const method = raw.method ?? '';
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) throw new HttpError(405, `method ${method.slice(0, 20)} not allowed`);
  const target = raw.url ?? '';
  // Origin-form only: `//host/x` or `http://host/x` would otherwise name another origin.
  if (!target.startsWith('/') || target.startsWith('//')) throw new HttpError(400, 'the request target must be a path');
  let url: URL;
  try {
    url = new URL(`${origin}${target}`);
  } catch {
    throw new HttpError(400, 'the request target is not a valid path');
  }
  if (url.origin !== origin) throw new HttpError(400, 'the request target must be a path');
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(raw.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    return new Request(url, { method, headers });
  } catch {
    throw new HttpError(400, 'malformed request headers');
  }
}

function refuse(res: ServerResponse, error: HttpError, extra: Record<string, string>): void {
  res.writeHead(error.status, {
    ...extra,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    ...(error.status === 405 ? { allow: ALLOWED_METHODS.join(', ') } : {}),
  });
  res.end(`${error.message}\n`);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

/**
 * Binds a fetch-style handler to a Node HTTP server. No request can end the process: whatever a
 * request holds, and whatever the handler throws, the client gets a 4xx or a 500.
 */
export function serve(handler: (request: Request) => Promise<Response>, { origin, headers = {}, log = console.error }: ServeOptions): Server {
  const fail = (res: ServerResponse, error: unknown) => {
    if (res.headersSent) return void res.destroy();
    if (error instanceof HttpError) return refuse(res, error, headers);
    log(`publisher: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    res.writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' });
    res.end('Internal error\n');
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Bodies are never read: webhooks are signals, the site is read-only.
    req.resume();
    res.on('error', () => res.destroy());
    let request: Request;
    try {
      request = toRequest(req, origin);
    } catch (error) {
      return fail(res, error);
    }
    handler(request)
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        try {
          fail(res, error);
        } catch {
          res.destroy();
        }
      });
  });
  // Node hands CONNECT to this event instead of the handler, and without a listener drops the connection unanswered.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS.join(', ')}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  return server;
}
