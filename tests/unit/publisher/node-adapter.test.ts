import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../site/publisher/errors.ts';
import { serve, toRequest } from '../../../site/publisher/node-adapter.ts';
import { rawRequest } from '../../helpers/raw-http.ts';

const ORIGIN = 'https://www.clermontech.test';

function refusal(raw: Parameters<typeof toRequest>[0]): number | undefined {
  try {
    toRequest(raw, ORIGIN);
    return undefined;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe('toRequest: the Request the app sees', () => {
  it.each(['[::1', 'a b', '%', '', 'evil.test', 'x'.repeat(10_000), 'é.test'])(
    'is on the configured origin whatever the Host (%s)',
    (host) => {
      const request = toRequest({ method: 'GET', url: '/api-hours/?page=2', headers: { host } }, ORIGIN);
      expect(request.url).toBe(`${ORIGIN}/api-hours/?page=2`);
      expect(request.headers.get('host')).toBe(host);
    },
  );

  it.each(['PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'TRACK', 'PROPFIND', 'get', ''])(
    'refuses the method %j with 405',
    (method) => {
      expect(refusal({ method, url: '/', headers: {} })).toBe(405);
    },
  );

  it.each(['*', 'http://evil.test/', '//evil.test/x', 'x', '', 'https://www.clermontech.test/'])(
    'refuses the target %j with 400',
    (url) => {
      expect(refusal({ method: 'GET', url, headers: {} })).toBe(400);
    },
  );

  it('refuses headers a Request cannot hold with 400', () => {
    expect(refusal({ method: 'GET', url: '/', headers: { 'x-bad': 'a\u0000b' } })).toBe(400);
  });

  it('keeps repeated headers', () => {
    const request = toRequest({ method: 'POST', url: '/_publisher/webhook', headers: { 'x-a': ['1', '2'] } }, ORIGIN);
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-a')).toBe('1, 2');
  });
});

describe('serve: the Node server around the app', () => {
  it('answers what it refuses itself with the given headers, and a failing handler with 500, staying up', async () => {
    const logged: string[] = [];
    const seen: string[] = [];
    const server = serve(
      async (request) => {
        seen.push(request.url);
        if (request.url.endsWith('/boom')) throw new Error('handler bug');
        return new Response('ok', { headers: { 'x-from': 'app' } });
      },
      { origin: ORIGIN, headers: { 'strict-transport-security': 'max-age=1' }, log: (line) => logged.push(line) },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const ask = (head: string) =>
      rawRequest(port, Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, 'latin1'), 3_000);
    try {
      expect((await ask('PUT / HTTP/1.1\r\nHost: x')).status).toBe(405);
      expect((await ask('CONNECT x:1 HTTP/1.1\r\nHost: x:1')).status).toBe(405);
      expect((await ask('GET /boom HTTP/1.1\r\nHost: [::1')).status).toBe(500);
      expect((await ask('GET /fine HTTP/1.1\r\nHost: evil.test')).status).toBe(200);
      expect(seen).toEqual([`${ORIGIN}/boom`, `${ORIGIN}/fine`]);
      expect(logged.join('\n')).toContain('handler bug');
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'DELETE' });
      expect([
        response.status,
        response.headers.get('strict-transport-security'),
        response.headers.get('allow'),
      ]).toEqual([405, 'max-age=1', 'GET, HEAD, POST']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('hands a POST body to the handler, and refuses one too large to read', async () => {
    const server = serve(
      async (request) => {
        const body = await request.text().catch(() => undefined);
        return new Response(body === undefined ? 'unread' : `read ${body}`);
      },
      { origin: ORIGIN },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_publisher/confirm-removal`;
    try {
      expect(await (await fetch(url, { method: 'POST', body: JSON.stringify({ by: 'Camille' }) })).text()).toBe(
        'read {"by":"Camille"}',
      );
      expect(await (await fetch(url, { method: 'POST', body: 'x'.repeat(1024 * 1024) })).text()).toBe('unread');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
