import { createServer, request as httpRequest, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { freePort } from '../../helpers/ports.ts';

const MAX = 5;

const failedLogin = (base: string, path: string, email: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, identifier: email, password: 'wrong-password' }),
  });

/** A one-hop reverse proxy, as nginx would be: it appends the client's address to X-Forwarded-For. */
async function reverseProxy(target: string): Promise<{ url: string; server: Server }> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = httpRequest(
      `${target}${req.url}`,
      { method: req.method, headers: { ...req.headers, 'x-forwarded-for': forwarded } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('rate limiting of sign-in routes', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ seedDemo: false, env: { AUTH_RATE_LIMIT_MAX: String(MAX) } });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  it('answers 429 to the admin login once the failures are spent, whatever the e-mail, path case or X-Forwarded-For', async () => {
    const variants = [
      ['/admin/login', {}],
      ['/ADMIN/LOGIN', {}],
      ['/admin//login/', {}],
      ['/Admin/Login', { 'x-forwarded-for': '203.0.113.7' }],
      ['/admin/login', { 'x-forwarded-for': '198.51.100.1, 198.51.100.2' }],
    ] as const;
    for (const [index, [path, headers]] of variants.entries()) {
      const response = await failedLogin(cms.url, path, `personne${index}@example.org`, headers);
      expect(response.status, path).not.toBe(429);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
    for (const [index, [path, headers]] of variants.entries()) {
      const response = await failedLogin(cms.url, path, `autre${index}@example.org`, {
        ...headers,
        'x-forwarded-for': `192.0.2.${index}`,
      });
      expect(response.status, path).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('limits the users-permissions auth routes too', async () => {
    await cms.restart();
    for (let i = 0; i < MAX; i += 1) {
      expect(
        (await failedLogin(cms.url, i % 2 ? '/API/AUTH/LOCAL' : '/api/auth/local', `u${i}@example.org`)).status,
      ).not.toBe(429);
    }
    expect((await failedLogin(cms.url, '/api/auth/local', 'encore@example.org')).status).toBe(429);
    expect((await failedLogin(cms.url, '/api/auth/forgot-password', 'encore@example.org')).status).toBe(429);
  });

  it('refuses registration, with or without role, confirmed or blocked fields', async () => {
    await cms.restart();
    for (const extra of [{}, { role: 1 }, { role: { id: 1 } }, { confirmed: true }, { blocked: false }]) {
      const response = await fetch(`${cms.url}/api/auth/local/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'intrus',
          email: 'intrus@example.org',
          password: 'Intrus-Passw0rd',
          ...extra,
        }),
      });
      expect([400, 403, 429]).toContain(response.status);
    }
    expect((await cms.fetch('/api/users')).status).toBe(403);
  });

  it('behind one trusted proxy, sees the client the proxy saw, not a forged X-Forwarded-For', async () => {
    await cms.restart({ CMS_TRUST_PROXY: 'true' });
    const proxy = await reverseProxy(cms.url);
    try {
      for (let i = 0; i < MAX; i += 1) {
        const response = await failedLogin(proxy.url, '/admin/login', `p${i}@example.org`, {
          'x-forwarded-for': `203.0.113.${i}`,
        });
        expect(response.status).not.toBe(429);
      }
      const forged = await failedLogin(proxy.url, '/admin/login', 'p-last@example.org', {
        'x-forwarded-for': '203.0.113.250',
      });
      expect(forged.status).toBe(429);
    } finally {
      proxy.server.close();
    }
  });

  it('counts the addresses of one IPv6 /64 as one client, however spelt', async () => {
    // The test plays the trusted proxy: the address it adds is the client's.
    await cms.restart({ CMS_TRUST_PROXY: 'true' });
    const from = (address: string, index: number) =>
      failedLogin(cms.url, '/admin/login', `v6-${index}@example.org`, { 'x-forwarded-for': address });
    for (let i = 0; i < MAX; i += 1) expect((await from(`2001:db8:abcd:12::${i + 1}`, i)).status).not.toBe(429);
    expect((await from('2001:0DB8:ABCD:0012:ffff:ffff:ffff:fffe', MAX)).status).toBe(429);
    expect((await from('2001:db8:abcd:13::1', MAX + 1)).status, 'the next /64 is another client').not.toBe(429);
  });
});
