import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Binds a fetch-style handler to a Node HTTP server. */
export function serve(handler: (request: Request) => Promise<Response>): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
      method: req.method,
      headers: Object.entries(req.headers).flatMap(([key, value]) =>
        value === undefined ? [] : Array.isArray(value) ? value.map((v): [string, string] => [key, v]) : [[key, value] as [string, string]],
      ),
    });
    // Bodies are never read: webhooks are signals, the site is read-only.
    req.resume();
    handler(request)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
      })
      .catch((error: unknown) => {
        console.error('publisher: request failed:', error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('Internal error');
      });
  });
}
