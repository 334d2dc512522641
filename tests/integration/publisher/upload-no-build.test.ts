import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBySlug, publishChange } from '../../helpers/content.ts';
import { SPEAKER_UID } from '../../helpers/evenings.ts';
import { databases } from '../../helpers/postgres.ts';
import { startStack, type Stack } from '../../helpers/publisher.ts';
import { fileForm, tinyPng, uniqueMarker } from '../../helpers/uploads.ts';
import { waitFor } from '../../helpers/wait.ts';

describe.each(databases)('uploading a photo (%s)', (database) => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ database });
  });
  afterAll(async () => {
    await stack?.destroy();
  });

  it('builds nothing until something using it is published', async () => {
    const admin = await stack.cms.adminToken();
    const before = await stack.publisher.settled();
    const mark = stack.publisher.output().length;

    const marker = uniqueMarker();
    const uploaded = await stack.cms.fetch('/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: fileForm(`${marker}.png`, 'image/png', tinyPng()),
    });
    expect(uploaded.status).toBe(201);
    const [file] = (await uploaded.json()) as { id: number }[];

    // Strapi's media.create webhook reaches the publisher, which finds nothing published.
    await waitFor(
      'the publisher to weigh the upload',
      () => stack.publisher.output().slice(mark).includes('publisher: nothing published since'),
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    const afterUpload = await stack.publisher.settled();
    expect(afterUpload.buildsStarted).toBe(before.buildsStarted);
    expect(afterUpload.release?.id).toBe(before.release?.id);

    const speaker = await findBySlug(stack.cms.url, 'speakers', 'camille-roche');
    await publishChange(stack.cms.url, admin, SPEAKER_UID, speaker.documentId, { photo: file!.id });
    const afterPublish = await stack.publisher.settledAfter(afterUpload, 'the build for the published photo');
    expect(afterPublish.release?.id).not.toBe(before.release?.id);
  });
});
