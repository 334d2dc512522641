import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import { tinyPng } from '../../helpers/uploads.ts';

/** Ways to write "this machine" in a URL, every one of which Strapi's own check let through or could. */
const LOOPBACK_HOSTS = [
  '127.0.0.1',
  '0x7f.1',
  '2130706433',
  '127.1',
  '0.0.0.0',
  '[::1]',
  '[::ffff:127.0.0.1]',
  '[::]',
  'localhost',
  'localhost.',
];

const ROLES = ['Author', 'Super Admin'] as const;

describe.each(databases)('upload from URL fetches nothing (%s)', (database) => {
  let cms: RunningCms;
  let internal: Server;
  const hits: string[] = [];
  const tokens = new Map<(typeof ROLES)[number], string>();

  beforeAll(async () => {
    // An internal service on this machine, on every address (IPv4 and IPv6), serving an image.
    internal = createServer((request, response) => {
      hits.push(`${request.method} ${request.url}`);
      response.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng());
    });
    await new Promise<void>((listening) => internal.listen({ port: 0, host: '::', ipv6Only: false }, listening));
    cms = await startCms({ database, seedDemo: false });
    tokens.set('Super Admin', await cms.adminToken());
    await createAdminUser(cms.url, await cms.adminToken(), 'Author', 'author@from-url.test', 'Author-Passw0rd!');
    tokens.set('Author', await adminLogin(cms.url, 'author@from-url.test', 'Author-Passw0rd!'));
  });
  afterAll(async () => {
    await cms?.destroy();
    await new Promise((closed) => internal?.close(closed));
  });

  const CASES = ROLES.flatMap((role) => LOOPBACK_HOSTS.map((host) => ({ role, host })));

  it.each(CASES)('as $role, http://$host:port/ is neither fetched nor stored', async ({ role, host }) => {
    const libraryCount = async () =>
      (
        (await (
          await cms.fetch('/upload/files', { headers: { authorization: `Bearer ${await cms.adminToken()}` } })
        ).json()) as { results: unknown[] }
      ).results.length;
    const before = await libraryCount();
    const path = `/internal-${hits.length}-${Math.random().toString(36).slice(2)}.png`;
    const { port } = internal.address() as AddressInfo;
    const response = await cms.fetch('/upload/actions/upload-from-urls', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.get(role)!}`, 'content-type': 'application/json' },
      body: JSON.stringify({ urls: [`http://${host}:${port}${path}`] }),
    });
    const body = await response.text();
    expect(
      hits.filter((hit) => hit.endsWith(path)),
      body,
    ).toEqual([]);
    expect(await libraryCount(), body).toBe(before);
    expect(response.status, body).toBeGreaterThanOrEqual(400);
    expect(response.status, body).toBeLessThan(500);
  });
});
