import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { databases } from '../../helpers/postgres.ts';
import {
  linkIn,
  publishRegistrationEvent,
  registrationForm,
  sendRegistration,
  storedRegistrations,
  type StoredRegistration,
} from '../../helpers/registrations.ts';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.ts';
import { runScript, wipeDatabase } from './ops.ts';

describe.each(databases)('registrations in a backup (%s)', (database) => {
  let cms: RunningCms;
  let smtp: SmtpSink;
  let outDir: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    cms = await startCms({ database, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } });
    outDir = mkdtempSync(join(tmpdir(), 'clermontech-registrations-backup-'));
  });
  afterAll(async () => {
    await cms?.destroy();
    await smtp?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('brings registrations back with a restore, and their e-mailed links still work', async () => {
    const event = await publishRegistrationEvent(cms, { title: `Soirée sauvegardée ${database}`, capacity: 10 });
    expect(
      (
        await sendRegistration(
          cms,
          registrationForm(event.documentId, {
            name: 'Claude Gardée',
            email: 'gardee@example.org',
            accessibilityNeeds: 'Rampe',
          }),
        )
      ).status,
    ).toBe(201);
    const confirmed = await smtp.waitForMail('gardee@example.org', /Confirmez/);
    expect((await cms.fetch(linkIn(confirmed, 'confirm'), { redirect: 'manual' })).status).toBe(303);
    const welcome = await smtp.waitForMail('gardee@example.org', /^Inscription confirmée$/);
    expect(
      (
        await sendRegistration(
          cms,
          registrationForm(event.documentId, { name: 'Dominique Attend', email: 'attend@example.org' }),
        )
      ).status,
    ).toBe(201);
    await smtp.waitForMail('attend@example.org', /Confirmez/);
    const before: StoredRegistration[] = await storedRegistrations(cms, event.documentId);
    expect(before.map((row) => row.registrationStatus)).toEqual(['confirmed', 'pending']);

    const backup = await runScript(cms, 'backup.ts', ['--out', outDir]);
    expect(backup.code, backup.stderr).toBe(0);
    await cms.stop();
    await wipeDatabase(cms);
    const restore = await runScript(cms, 'restore.ts', [join(outDir, readdirSync(outDir)[0]!)]);
    expect(restore.code, restore.stderr).toBe(0);
    await cms.restart({ SEED_DEMO: 'false' });

    expect(await storedRegistrations(cms, event.documentId)).toEqual(before);
    const cancelPath = linkIn(welcome, 'cancel');
    const token = new URL(cancelPath, cms.url).searchParams.get('token')!;
    const cancelled = await cms.fetch('/api/registrations/cancel', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
      redirect: 'manual',
    });
    expect(cancelled.headers.get('location')).toMatch(/\/inscription\/annulee\/$/);
    expect((await storedRegistrations(cms, event.documentId))[0]).toMatchObject({
      registrationStatus: 'cancelled',
      email: null,
    });
  });
});
