import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServerRequest } from 'srvx';
import { NodeRequest, sendNodeResponse } from 'srvx/node';
import { HttpError } from './errors.ts';

/** The only methods the app answers; anything else is refused before it is seen. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** The largest request body the app may read (a removal confirmation is a few bytes; webhook payloads are never read). */
const MAX_BODY_BYTES = 64 * 1024;

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
 * The fetch-style Request for a parsed HTTP request, on `origin`, with `body` when it is a POST.
 * Throws an HttpError: 405 for a method the app doesn't answer, 400 for a target that isn't a
 * plain path (absolute-form, `*`, missing) or headers a Request can't hold.
 */
export function toRequest(raw: RawRequest, origin: string, body?: ReadableStream<Uint8Array> | null): Request {
  const method = raw.method ?? '';
  if (!(ALLOWED_METHODS as readonly string[]).includes(method))
    throw new HttpError(405, `method ${method.slice(0, 20)} not allowed`);
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
  let headers: Headers;
  try {
    headers = new Headers();
    for (const [name, value] of Object.entries(raw.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
  } catch {
    throw new HttpError(400, 'malformed request headers');
  }
  // A streamed body must say it is sent while the answer may start (fetch's `duplex`).
  const init: RequestInit & { duplex?: 'half' } =
    method === 'POST' && body ? { method, headers, body, duplex: 'half' } : { method, headers };
  return new Request(url, init);
}

function refusal(error: HttpError, extra: Record<string, string>): Response {
  return new Response(`${error.message}\n`, {
    status: error.status,
    headers: {
      ...extra,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...(error.status === 405 ? { allow: ALLOWED_METHODS.join(', ') } : {}),
    },
  });
}

/**
 * Binds a fetch-style handler to a Node HTTP server, srvx turning Node's request and response into
 * fetch's and back (bodies streamed both ways). srvx's own `serve()` is not used: it answers some
 * malformed targets itself and builds URLs on the Host header, and here every refusal carries the
 * site's headers and every URL is on `origin`. No request can end the process: whatever a request
 * holds, and whatever the handler throws, the client gets a 4xx or a 500.
 */
export function serve(
  handler: (request: Request) => Promise<Response>,
  { origin, headers = {}, log = (line) => process.stderr.write(`${line}\n`) }: ServeOptions,
): Server {
  const answer = async (request: ServerRequest): Promise<Response> => {
    try {
      const raw: RawRequest = request.runtime?.node?.req ?? { headers: {} };
      return await handler(toRequest(raw, origin, raw.method === 'POST' ? request.body : undefined));
    } catch (error) {
      if (error instanceof HttpError) return refusal(error, headers);
      log(`publisher: request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new Response('Internal error\n', {
        status: 500,
        headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  };

  const server = createServer((req, res: ServerResponse) => {
    res.on('error', () => res.destroy());
    void answer(new NodeRequest({ req, res, maxRequestBodySize: MAX_BODY_BYTES }))
      .then((response) => sendNodeResponse(res, response))
      // The client went away mid-answer: nobody is left to tell.
      .catch(() => res.destroy());
  });
  // Node hands CONNECT to this event instead of the handler, and without a listener drops the connection unanswered.
  server.on('connect', (_req, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    const extra = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(
      `HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS.join(', ')}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`,
    );
  });
  return server;
}
