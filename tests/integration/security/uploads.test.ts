import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';

/** A valid 1×1 PNG, built rather than shipped. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.domain)</script></svg>';
const HTML = '<!doctype html><html><body><script>alert(1)</script></body></html>';

describe('uploads', () => {
  let cms: RunningCms;
  beforeAll(async () => {
    cms = await startCms({ seedDemo: false, env: { UPLOAD_MAX_MB: '1' } });
  });
  afterAll(async () => {
    await cms?.destroy();
  });

  const upload = async (name: string, type: string, content: Buffer | string) => {
    const form = new FormData();
    form.append('files', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), name);
    const response = await cms.fetch('/upload', { method: 'POST', headers: { authorization: `Bearer ${await cms.adminToken()}` }, body: form });
    return { status: response.status, body: await response.text() };
  };

  it('accepts a photo', async () => {
    const { status, body } = await upload('photo.png', 'image/png', tinyPng());
    expect(status, body).toBe(201);
  });

  it.each([
    ['a script-bearing SVG', 'logo.svg', 'image/svg+xml', SVG],
    ['an SVG disguised as PNG', 'logo.png', 'image/png', SVG],
    ['an HTML page', 'page.html', 'text/html', HTML],
    ['HTML disguised as a JPEG', 'photo.jpg', 'image/jpeg', HTML],
    ['a shell script', 'run.sh', 'application/x-sh', '#!/bin/sh\nrm -rf /\n'],
  ])('refuses %s', async (_what, name, type, content) => {
    const { status } = await upload(name, type, content);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('refuses a file over the size limit', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)]);
    const { status } = await upload('huge.png', 'image/png', big);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it.each(['photo\u0000.png', '../../../../etc/cron.d/evil.png', '..\\..\\windows.png', 'a/b/c.png'])('handles the file name %j without crashing or escaping', async (name) => {
    const { status, body } = await upload(name, 'image/png', tinyPng());
    expect(status).toBeLessThan(500);
    if (status === 201) {
      const [file] = JSON.parse(body) as { url: string }[];
      expect(file!.url).toMatch(/^\/uploads\/[^/]+$/);
    }
  });

  it('is still up afterwards', async () => {
    expect((await cms.fetch('/_health')).status).toBe(204);
    const files = await cms.fetch('/upload/files', { headers: { authorization: `Bearer ${await cms.adminToken()}` } });
    const list = (await files.json()) as { results: { ext: string; mime: string }[] };
    expect(list.results.every((file) => file.mime.startsWith('image/') && !file.mime.includes('svg'))).toBe(true);
  });
});
