import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, url: URL, response: ServerResponse) => void;

/** A local stand-in for the CMS's REST API on 127.0.0.1 and a free port. */
export async function startFakeCms(handler: Handler) {
  const requests: URL[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    headers.push(request.headers);
    handler(request, url, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    headers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, body: unknown, status = 200): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Serves `entries` the way Strapi paginates a collection, capping pageSize at maxLimit. */
export function paginated(entries: unknown[], maxLimit = 100): Handler {
  return (_request, url, response) => {
    const page = Number(url.searchParams.get('pagination[page]') ?? 1);
    const pageSize = Math.min(Number(url.searchParams.get('pagination[pageSize]') ?? 25), maxLimit);
    const data = entries.slice((page - 1) * pageSize, page * pageSize);
    sendJson(response, {
      data,
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(entries.length / pageSize), total: entries.length } },
    });
  };
}
