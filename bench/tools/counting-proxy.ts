import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RequestCounts {
  /** REST requests (`/api/…`): what the loaders ask. */
  api: number;
  /** Media files (`/uploads/…`): the images the build downloads. */
  media: number;
  other: number;
}

export interface CountingProxy {
  url: string;
  /** Counts since the last reset, and the REST paths asked (with their query strings), in order. */
  take(): { counts: RequestCounts; apiPaths: string[] };
  close(): Promise<void>;
}

/**
 * A transparent HTTP proxy in front of the CMS that counts what passes: a build pointed at it
 * (CMS_URL) shows how many requests it makes, without touching the site's code.
 */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  let counts: RequestCounts = { api: 0, media: 0, other: 0 };
  let apiPaths: string[] = [];
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    if (path.startsWith('/api/')) {
      counts.api += 1;
      apiPaths.push(path);
    } else if (path.startsWith('/uploads/')) counts.media += 1;
    else counts.other += 1;
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', (error) => {
      outgoing.writeHead(502).end(error.message);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const taken = { counts, apiPaths };
      counts = { api: 0, media: 0, other: 0 };
      apiPaths = [];
      return taken;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
