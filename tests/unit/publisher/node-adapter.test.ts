import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../site/publisher/errors.ts';
import { toRequest } from '../../../site/publisher/node-adapter.ts';

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
  it.each(['[::1', 'a b', '%', '', 'evil.test', 'x'.repeat(10_000), 'é.test'])('is on the configured origin whatever the Host (%s)', (host) => {
    const request = toRequest({ method: 'GET', url: '/api-hours/?page=2', headers: { host } }, ORIGIN);
    expect(request.url).toBe(`${ORIGIN}/api-hours/?page=2`);
    expect(request.headers.get('host')).toBe(host);
  });

  it.each(['PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'TRACK', 'PROPFIND', 'get', ''])('refuses the method %j with 405', (method) => {
    expect(refusal({ method, url: '/', headers: {} })).toBe(405);
  });

  it.each(['*', 'http://evil.test/', '//evil.test/x', 'x', '', 'https://www.clermontech.test/'])('refuses the target %j with 400', (url) => {
    expect(refusal({ method: 'GET', url, headers: {} })).toBe(400);
  });

  it('refuses headers a Request cannot hold with 400', () => {
    expect(refusal({ method: 'GET', url: '/', headers: { 'x-bad': 'a\u0000b' } })).toBe(400);
  });

  it('keeps repeated headers', () => {
    const request = toRequest({ method: 'POST', url: '/_publisher/webhook', headers: { 'x-a': ['1', '2'] } }, ORIGIN);
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-a')).toBe('1, 2');
  });
});
