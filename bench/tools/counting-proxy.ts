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
 *
 * Text written in the admin names media by the CMS's own URL (its Markdown editor writes absolute
 * URLs), which in production is the URL the site builds from. Here the site builds from the proxy,
 * so the API's answers name the proxy instead, as they would name the CMS in production: the site
 * then takes those images from the CMS (through the proxy, counted) rather than leaving them out.
 */
export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
  const target = new URL(targetUrl);
  let proxyOrigin = '';
  let counts: RequestCounts = { api: 0, media: 0, other: 0 };
  let apiPaths: string[] = [];
  const server = createServer((incoming, outgoing) => {
    const path = incoming.url ?? '/';
    const api = path.startsWith('/api/');
    if (api) {
      counts.api += 1;
      apiPaths.push(path);
    } else if (path.startsWith('/uploads/')) counts.media += 1;
    else counts.other += 1;
    const headers = { ...incoming.headers, host: target.host };
    // Uncompressed, so the answer's text can be read.
    if (api) delete headers['accept-encoding'];
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path, headers },
      (answer) => {
        if (!api || !String(answer.headers['content-type']).includes('json')) {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(target.origin).join(proxyOrigin));
          outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) });
          outgoing.end(body);
        });
      },
    );
    forwarded.on('error', (error) => {
      outgoing.writeHead(502).end(error.message);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxyOrigin = `http://127.0.0.1:${port}`;
  return {
    url: proxyOrigin,
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
