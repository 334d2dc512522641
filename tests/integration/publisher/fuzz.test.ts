import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../helpers/publisher.ts';
import { rawRequest, seededRandom, type RawAnswer } from '../../helpers/raw-http.ts';

const SEED = 0x18_02;
const REQUESTS = 400;
const AT_ONCE = 8;

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'get',
  'Get',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'CONNECT',
  'TRACE',
  'TRACK',
  'PROPFIND',
  'MKCOL',
  'SOURCE',
  'QUERY',
  'M-SEARCH',
  'PURGE',
  'BREW',
  'X'.repeat(300),
  'GE T',
  'G\u0001T',
  'GET\u0000',
  'GÉT',
  '',
];
const HOSTS = [
  '127.0.0.1',
  '[::1',
  '[::1]:80',
  'a b',
  '%',
  '%zz',
  '',
  ' ',
  'x'.repeat(8_000),
  'évènement.test',
  '例え.テスト',
  'evil.test:99999',
  'user@evil.test',
  'a/b',
  '\t',
  '..',
  '[',
  ':',
];
const TARGETS = [
  '/',
  '/api-hours/',
  '*',
  'http://evil.test/',
  'https://127.0.0.1/',
  '//evil.test/x',
  '',
  'x',
  '/%',
  '/%00',
  '/?q=%E0%A4%A',
  '/..%2f..%2fetc/passwd',
  '/../../etc/passwd',
  `/${'a'.repeat(9_000)}`,
  '/_publisher/status',
  '/_publisher/webhook',
  '/_preview/_image?href=%2Ffavicon.svg&f=svg',
  '/_preview/talks/x?token=a.b',
  '/é',
  '/\u0001',
];
const VERSIONS = [
  'HTTP/1.1',
  'HTTP/1.0',
  'HTTP/2.0',
  'HTTP/9.9',
  'HTTP/1',
  'http/1.1',
  '',
  'HTTP/1.1 extra',
  'HTTP/1.1\u0000',
];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** A random run of token or arbitrary characters, to stand for names nobody planned for. */
function noise(random: Random, length: number): string {
  const alphabet =
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&\'*+-.^_`|~ \t:;,"()/<>?@[\\]{}\u0000\u0001\u007f\u00e9\u4f8b';
  return Array.from({ length }, () => pick(random, [...alphabet])).join('');
}

/** Odd header lines: duplicates of Host, obs-fold, oversized, forbidden characters, no colon. */
function oddHeader(random: Random): string {
  return pick(random, [
    `Host: ${pick(random, HOSTS)}`,
    'X-Folded: first\r\n  continued',
    `X-Huge: ${'h'.repeat(pick(random, [100, 20_000, 70_000]))}`,
    `X-${noise(random, 5)}: ${noise(random, 10)}`,
    'No colon here',
    ': no name',
    'Content-Length: abc',
    'Content-Length: 1\r\nContent-Length: 2',
    'Transfer-Encoding: chunked, identity',
    'Authorization: Bearer nope',
    `Accept-Encoding: ${noise(random, 12)}`,
    'If-None-Match: "\u0001"',
  ]);
}

/**
 * One malformed (or merely unusual) request, as raw bytes: a plain GET with one part, sometimes two,
 * replaced by something odd, so that each kind of oddity reaches the server's parser and, when the
 * parser lets it through, the app.
 */
function malformedRequest(random: Random): Buffer {
  let method = 'GET';
  let target = '/';
  let version = 'HTTP/1.1';
  let host: string | undefined = '127.0.0.1';
  const extra: string[] = [];
  const oddities = random() < 0.25 ? 2 : 1;
  for (let i = 0; i < oddities; i++) {
    switch (pick(random, ['method', 'method', 'host', 'host', 'target', 'version', 'header', 'header'] as const)) {
      case 'method':
        method = random() < 0.3 ? noise(random, 1 + Math.floor(random() * 40)) : pick(random, METHODS);
        break;
      case 'host':
        host = random() < 0.1 ? undefined : pick(random, HOSTS);
        break;
      case 'target':
        target = random() < 0.2 ? `/${noise(random, 20)}` : pick(random, TARGETS);
        break;
      case 'version':
        version = pick(random, VERSIONS);
        break;
      case 'header':
        extra.push(oddHeader(random));
        break;
    }
  }
  const line = version === '' ? `${method} ${target}` : `${method} ${target} ${version}`;
  const text = [line, ...(host === undefined ? [] : [`Host: ${host}`]), ...extra, 'Connection: close', '', ''].join(
    '\r\n',
  );
  return Buffer.from(text, random() < 0.5 ? 'utf8' : 'latin1');
}

describe('publisher: malformed requests never take it down', () => {
  let stack: Stack;
  let port: number;
  const pages = ['/', ''];

  const bytes = async (path: string) => {
    const response = await stack.publisher.get(path, { headers: { 'accept-encoding': 'identity' } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()).toString('base64'),
    };
  };

  beforeAll(async () => {
    stack = await startStack();
    port = Number(new URL(stack.publisher.url).port);
    const home = await (await stack.publisher.get('/')).text();
    pages[1] = /href="(\/api-hours\/[^"/]+\/)"/.exec(home)![1]!;
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it(`answers each of ${REQUESTS} generated requests, never with a 5xx, then serves the same bytes`, async () => {
    const before = await Promise.all(pages.map(bytes));
    expect(before.map((page) => page.status)).toEqual([200, 200]);

    const random = seededRandom(SEED);
    const requests = Array.from({ length: REQUESTS }, () => malformedRequest(random));
    const answers: { request: string; answer: RawAnswer }[] = [];
    const started = performance.now();
    for (let i = 0; i < requests.length; i += AT_ONCE) {
      const batch = requests.slice(i, i + AT_ONCE);
      const results = await Promise.all(batch.map((request) => rawRequest(port, request, 3_000)));
      results.forEach((answer, j) => answers.push({ request: batch[j]!.toString('latin1').slice(0, 120), answer }));
      // Checked as it goes, so a crash names the request that caused it.
      const alive = await stack.publisher.get('/_publisher/status').then(
        (response) => response.ok,
        () => false,
      );
      expect(
        alive,
        `publisher down after: ${JSON.stringify(answers.slice(-AT_ONCE).map((a) => a.request))}\n${stack.publisher.output().slice(-2000)}`,
      ).toBe(true);
    }
    const counts = new Map<string, number>();
    for (const { answer } of answers) {
      const key = answer.timedOut ? 'timeout' : String(answer.status ?? 'closed');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    console.log(
      `fuzz: ${REQUESTS} requests in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(Object.fromEntries([...counts].sort()))}`,
    );

    expect(answers.filter(({ answer }) => answer.status === undefined).map(({ request }) => request)).toEqual([]);
    expect(
      answers.filter(({ answer }) => answer.status !== undefined && answer.status >= 500).map(({ request }) => request),
    ).toEqual([]);
    // Not only refusals: some requests were ordinary enough to be served.
    expect(counts.get('200')).toBeGreaterThan(0);
    expect(counts.get('400')).toBeGreaterThan(0);
    expect(counts.get('405')).toBeGreaterThan(0);
    expect(stack.publisher.output()).not.toMatch(/uncaught|request failed/i);
    expect(await Promise.all(pages.map(bytes))).toEqual(before);
  });

  it.each([
    ['a method it does not answer', 405, 'PROPFIND / HTTP/1.1\r\nHost: 127.0.0.1'],
    ['a method fetch forbids', 405, 'TRACE / HTTP/1.1\r\nHost: 127.0.0.1'],
    ['a Host that is no URL host', 200, 'GET / HTTP/1.1\r\nHost: [::1'],
    ['a Host with a space', 200, 'GET / HTTP/1.1\r\nHost: a b'],
    ['an absolute-form target', 400, 'GET http://evil.test/ HTTP/1.1\r\nHost: evil.test'],
    ['a path too long for the file system', 404, `GET /${'a'.repeat(9_000)} HTTP/1.1\r\nHost: 127.0.0.1`],
    ['CONNECT', 405, 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22'],
    ['OPTIONS *', 405, 'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1'],
    ['GET *', 400, 'GET * HTTP/1.1\r\nHost: 127.0.0.1'],
  ])('answers %s with %i', async (_case, status, head) => {
    expect((await rawRequest(port, Buffer.from(`${head}\r\nConnection: close\r\n\r\n`, 'latin1'))).status).toBe(status);
  });
});
