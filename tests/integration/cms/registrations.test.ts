import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type RunningCms } from '../../helpers/cms.ts';
import { adminLogin, createAdminUser } from '../../helpers/content.ts';
import { databases } from '../../helpers/postgres.ts';
import {
  linkIn,
  publishRegistrationEvent,
  REGISTRATION_UID,
  runChores,
  sendRegistration,
  registrationForm,
  storedRegistrations,
} from '../../helpers/registrations.ts';
import { startSmtpSink, type SmtpSink } from '../../helpers/smtp-sink.ts';
import { waitFor } from '../../helpers/wait.ts';

const SITE_URL = 'http://site.clermontech.test';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

// Each request comes from its own client address (the CMS trusts one proxy hop here), so the
// per-IP limit only refuses where a test means it to.
let nextIp = 1;
const freshIp = () => `198.51.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

describe.each(databases)('registrations (%s)', (database) => {
  let cms: RunningCms;
  let smtp: SmtpSink;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    cms = await startCms({
      database,
      env: {
        CMS_TRUST_PROXY: 'true',
        SITE_URL,
        EMAIL_FROM: "Clermont'ech <robot@clermontech.test>",
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        REGISTRATION_RATE_LIMIT_MAX: '5',
      },
    });
  });
  afterAll(async () => {
    await cms?.destroy();
    await smtp?.close();
  });

  const follow = async (path: string, init?: RequestInit) => {
    const response = await cms.fetch(path, { redirect: 'manual', ...init });
    await response.arrayBuffer();
    return response;
  };
  const registerAndConfirm = async (event: string, email: string, name: string) => {
    expect(
      (await sendRegistration(cms, registrationForm(event, { email, name }), { clientIp: freshIp() })).status,
    ).toBe(201);
    const ask = await smtp.waitForMail(email, /Confirmez votre inscription/);
    return follow(linkIn(ask, 'confirm'));
  };

  it('goes through the whole cycle by e-mail: confirm, .ics, waiting list, cancel, promotion, reminder', async () => {
    const event = await publishRegistrationEvent(cms, {
      title: `Soirée cycle ${database}`,
      capacity: 1,
      startsInHours: 72,
    });

    // The first e-mail asks to confirm, with none of the visitor's words in it.
    const response = await sendRegistration(
      cms,
      registrationForm(event.documentId, {
        email: 'alex@example.org',
        name: 'Alex <b>Gras</b>',
        accessibilityNeeds: 'Fauteuil',
      }),
      { clientIp: freshIp() },
    );
    expect(response.status).toBe(201);
    const ask = await smtp.waitForMail('alex@example.org', /Confirmez votre inscription/);
    for (const part of [ask.subject, ask.text, ask.html])
      for (const typed of ['Alex', 'Gras', 'Fauteuil']) expect(part).not.toContain(typed);
    expect(ask.html).toContain('Soirée cycle');
    expect((await storedRegistrations(cms, event.documentId))[0]).toMatchObject({
      registrationStatus: 'pending',
      name: 'Alex <b>Gras</b>',
    });

    const confirmed = await follow(linkIn(ask, 'confirm'));
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${SITE_URL}/inscription/confirmee/`);
    const welcome = await smtp.waitForMail('alex@example.org', /^Inscription confirmée$/);
    expect(welcome.attachments).toHaveLength(1);
    expect(welcome.attachments[0]!.contentType).toBe('text/calendar');
    expect(welcome.attachments[0]!.content).toContain(`UID:${event.documentId}@clermontech.org`);
    expect(welcome.attachments[0]!.content).toContain(
      `DTSTART:${event.startsAt.toISOString().replace(/[-:]/g, '').replace('.000', '')}`,
    );
    expect(welcome.text).toContain('Vous ne pouvez plus venir ? Libérez votre place');
    // Following the link again changes nothing.
    expect((await follow(linkIn(ask, 'confirm'))).headers.get('location')).toBe(`${SITE_URL}/inscription/confirmee/`);

    // The evening is full: the next person waits, first in line.
    const second = await registerAndConfirm(event.documentId, 'bea@example.org', 'Béa Attente');
    expect(second.headers.get('location')).toBe(`${SITE_URL}/inscription/liste-d-attente/?position=1`);
    const waiting = await smtp.waitForMail('bea@example.org', /liste d’attente/);
    expect(waiting.text).toContain('en position 1');

    const availability = await cms.fetch(`/api/events/${event.documentId}/availability`);
    expect(availability.headers.get('cache-control')).toBe('public, max-age=5');
    expect(await availability.json()).toEqual({
      data: {
        capacity: 1,
        confirmed: 1,
        placesLeft: 0,
        waiting: 1,
        open: true,
        waitingList: true,
        label: 'Complet — liste d’attente',
      },
    });

    // The cancel link only asks (a mail scanner opening it cancels nothing); its button cancels.
    const cancelPath = linkIn(welcome, 'cancel');
    const question = await cms.fetch(cancelPath);
    expect(question.status).toBe(200);
    const page = await question.text();
    expect(page).toContain('Oui, libérer ma place');
    expect((await storedRegistrations(cms, event.documentId)).map((row) => row.registrationStatus)).toEqual([
      'confirmed',
      'waiting',
    ]);
    const token = new URL(cancelPath, cms.url).searchParams.get('token')!;
    const cancelled = await follow('/api/registrations/cancel', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': freshIp() },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(cancelled.headers.get('location')).toBe(`${SITE_URL}/inscription/annulee/`);

    // The person's data is gone at once, and the first person waiting has the place, by e-mail.
    const [alex, bea] = await storedRegistrations(cms, event.documentId);
    expect(alex).toMatchObject({ registrationStatus: 'cancelled', name: null, email: null, accessibilityNeeds: null });
    expect(bea).toMatchObject({ registrationStatus: 'confirmed', name: 'Béa Attente' });
    const promoted = await smtp.waitForMail('bea@example.org', /Une place s’est libérée/);
    expect(promoted.attachments[0]!.content).toContain('BEGIN:VEVENT');

    // The day before, one reminder with the cancel link; running the chores again sends no second one.
    expect(await runChores(cms, new Date(event.startsAt.getTime() - 12 * HOUR))).toMatchObject({ reminded: 1 });
    const reminder = await smtp.waitForMail('bea@example.org', /C’est demain/);
    expect(reminder.text).toContain('Vous ne pouvez plus venir ? Libérez votre place');
    expect(linkIn(reminder, 'cancel')).toMatch(/^\/api\/registrations\/cancel\?token=/);
    expect(await runChores(cms, new Date(event.startsAt.getTime() - 11 * HOUR))).toMatchObject({ reminded: 0 });
  });

  it(
    'never overbooks: 200 confirmations racing for 50 places end with 50 confirmed and 150 waiting',
    { timeout: 300_000 },
    async () => {
      const event = await publishRegistrationEvent(cms, { title: `Soirée course ${database}`, capacity: 50 });
      const emails = Array.from({ length: 200 }, (_, index) => `course-${index}@example.org`);
      for (const email of emails) {
        expect(
          (await sendRegistration(cms, registrationForm(event.documentId, { email }), { clientIp: freshIp() })).status,
        ).toBe(201);
      }
      const links = await Promise.all(
        emails.map(async (email) => linkIn(await smtp.waitForMail(email, /Confirmez/, 120_000), 'confirm')),
      );

      const answers = await Promise.all(links.map((link) => follow(link)));
      const locations = answers.map((answer) => answer.headers.get('location') ?? String(answer.status));
      expect(locations.filter((location) => location.endsWith('/inscription/confirmee/'))).toHaveLength(50);
      const positions = locations.flatMap((location) => /position=(\d+)$/.exec(location)?.[1] ?? []).map(Number);
      expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, index) => index + 1));

      const stored = await storedRegistrations(cms, event.documentId);
      expect(stored.filter((row) => row.registrationStatus === 'confirmed')).toHaveLength(50);
      expect(stored.filter((row) => row.registrationStatus === 'waiting')).toHaveLength(150);
    },
  );

  it('refuses a filled honeypot, unknown fields and a closed evening, and limits per IP and per e-mail', async () => {
    const event = await publishRegistrationEvent(cms, { title: `Soirée limites ${database}`, capacity: 10 });
    const bad = await sendRegistration(cms, registrationForm(event.documentId, { site_web: 'https://spam.example' }), {
      clientIp: freshIp(),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { details: { field: 'site_web' } } });
    expect(
      (
        await sendRegistration(cms, registrationForm(event.documentId, { registrationStatus: 'confirmed' }), {
          clientIp: freshIp(),
        })
      ).status,
    ).toBe(400);
    const noJs = await sendRegistration(cms, registrationForm(event.documentId, { email: 'pas-une-adresse' }), {
      as: 'form',
      clientIp: freshIp(),
    });
    expect(noJs.status).toBe(400);
    expect(await noJs.text()).toContain('Cette adresse e-mail ne semble pas valide.');

    const ip = freshIp();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push(
        (
          await sendRegistration(cms, registrationForm(event.documentId, { email: `ip-${attempt}@example.org` }), {
            clientIp: ip,
          })
        ).status,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const perEmail: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      perEmail.push(
        (
          await sendRegistration(cms, registrationForm(event.documentId, { email: 'meme@example.org' }), {
            clientIp: freshIp(),
          })
        ).status,
      );
    }
    expect(perEmail).toEqual([201, 201, 201, 429]);
    // The same address registered once only, however many times the form was sent.
    expect(
      (await storedRegistrations(cms, event.documentId)).filter((row) => row.email === 'meme@example.org'),
    ).toHaveLength(1);

    const past = await publishRegistrationEvent(cms, {
      title: `Soirée passée ${database}`,
      capacity: 10,
      startsInHours: -1,
    });
    const closed = await sendRegistration(cms, registrationForm(past.documentId), { clientIp: freshIp() });
    expect(closed.status).toBe(409);
  });

  it('keeps a registration whose e-mail failed, and sends it at the next scheduled run', async () => {
    const event = await publishRegistrationEvent(cms, { title: `Soirée relais ${database}`, capacity: 10 });
    smtp.refused.add('relais@example.org');
    expect(
      (
        await sendRegistration(cms, registrationForm(event.documentId, { email: 'relais@example.org' }), {
          clientIp: freshIp(),
        })
      ).status,
    ).toBe(201);
    await waitFor('the refused e-mail to be logged', () => cms.output().includes('failed, retried later'));
    const [owed] = await storedRegistrations(cms, event.documentId);
    expect(owed).toMatchObject({ registrationStatus: 'pending', email: 'relais@example.org', mailPending: true });
    smtp.refused.delete('relais@example.org');
    // The CMS's own cron (every ten minutes) may get there first: either way it is the scheduled retry.
    await runChores(cms, new Date());
    await smtp.waitForMail('relais@example.org', /Confirmez votre inscription/);
    expect((await storedRegistrations(cms, event.documentId))[0]).toMatchObject({ mailPending: false });
  });

  it('anonymises an evening’s registrations REGISTRATION_RETENTION_DAYS (30) after it ended, not before', async () => {
    const event = await publishRegistrationEvent(cms, { title: `Soirée oubli ${database}`, capacity: 10 });
    await registerAndConfirm(event.documentId, 'oubli@example.org', 'Oubli Programmé');
    await runChores(cms, new Date(event.endsAt.getTime() + 29 * DAY));
    expect((await storedRegistrations(cms, event.documentId))[0]).toMatchObject({
      name: 'Oubli Programmé',
      email: 'oubli@example.org',
      anonymisedAt: null,
    });
    const report = await runChores(cms, new Date(event.endsAt.getTime() + 31 * DAY));
    expect(report.anonymised).toBeGreaterThanOrEqual(1);
    const [row] = await storedRegistrations(cms, event.documentId);
    expect(row).toMatchObject({ registrationStatus: 'confirmed', name: null, email: null, accessibilityNeeds: null });
    expect(row!.anonymisedAt).not.toBeNull();

    // An evening deleted after people registered: its registrations go the retention after they were made.
    const deleted = await publishRegistrationEvent(cms, { title: `Soirée supprimée ${database}`, capacity: 10 });
    await registerAndConfirm(deleted.documentId, 'supprimee@example.org', 'Soirée Supprimée');
    const removal = await cms.fetch(`/content-manager/collection-types/api::event.event/${deleted.documentId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    });
    expect(removal.status).toBe(200);
    await runChores(cms, new Date(Date.now() + 29 * DAY));
    expect((await storedRegistrations(cms, deleted.documentId))[0]).toMatchObject({ email: 'supprimee@example.org' });
    await runChores(cms, new Date(Date.now() + 31 * DAY));
    expect((await storedRegistrations(cms, deleted.documentId))[0]).toMatchObject({ name: null, email: null });
  });

  it('shows attendees to Editors, never to Authors, whatever is clicked until the next boot', async () => {
    const event = await publishRegistrationEvent(cms, { title: `Soirée rôles ${database}`, capacity: 10 });
    await registerAndConfirm(event.documentId, 'roles@example.org', 'Rôle Visible');
    const superAdmin = await cms.adminToken();
    await createAdminUser(cms.url, superAdmin, 'Author', `author-${database}@clermontech.test`, 'Author-Passw0rd!');
    await createAdminUser(cms.url, superAdmin, 'Editor', `editor-${database}@clermontech.test`, 'Editor-Passw0rd!');
    const list = `/content-manager/collection-types/${REGISTRATION_UID}?filters[eventDocumentId][$eq]=${event.documentId}`;
    const asUser = async (email: string, password: string) =>
      cms.fetch(list, { headers: { authorization: `Bearer ${await adminLogin(cms.url, email, password)}` } });

    const author = await asUser(`author-${database}@clermontech.test`, 'Author-Passw0rd!');
    expect(author.status).toBe(403);
    expect(await author.text()).not.toContain('roles@example.org');
    const editor = await asUser(`editor-${database}@clermontech.test`, 'Editor-Passw0rd!');
    expect(editor.status).toBe(200);
    expect(((await editor.json()) as { results: { email: string }[] }).results.map((row) => row.email)).toEqual([
      'roles@example.org',
    ]);

    // The event's "Inscriptions" panel and door list: the same rule on their own admin routes.
    const tokens = {
      Author: await adminLogin(cms.url, `author-${database}@clermontech.test`, 'Author-Passw0rd!'),
      Editor: await adminLogin(cms.url, `editor-${database}@clermontech.test`, 'Editor-Passw0rd!'),
    };
    const panel = (who: keyof typeof tokens, path: string, body?: unknown) =>
      cms.fetch(`/event-registrations${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    for (const path of [`/events/${event.documentId}`, `/events/${event.documentId}/export.csv`]) {
      const refused = await panel('Author', path);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('roles@example.org');
    }
    const listed = (await (await panel('Editor', `/events/${event.documentId}`)).json()) as {
      capacity: number;
      counts: Record<string, number>;
      registrations: { documentId: string; email: string }[];
    };
    expect(listed).toMatchObject({
      capacity: 10,
      counts: { confirmed: 1, waiting: 0, cancelled: 0, present: 0, pending: 0 },
    });
    expect(listed.registrations.map((row) => row.email)).toEqual(['roles@example.org']);
    const attendee = listed.registrations[0]!.documentId;
    expect((await panel('Author', `/${attendee}/present`, { present: true })).status).toBe(403);
    expect(await (await panel('Editor', `/${attendee}/present`, { present: true })).json()).toMatchObject({
      status: 'present',
    });
    const csv = await (await panel('Editor', `/events/${event.documentId}/export.csv`)).text();
    expect(csv).toContain('"Rôle Visible","roles@example.org","present","oui"');

    // Added by hand (a phone call): confirmed at once and sent « Inscription confirmée »; Authors can't.
    expect(
      (await panel('Author', `/events/${event.documentId}`, { name: 'Par Téléphone', email: 'tel@example.org' }))
        .status,
    ).toBe(403);
    expect(
      await (
        await panel('Editor', `/events/${event.documentId}`, { name: 'Par Téléphone', email: 'tel@example.org' })
      ).json(),
    ).toMatchObject({ status: 'confirmed' });
    expect(
      (await panel('Editor', `/events/${event.documentId}`, { name: 'Par Téléphone', email: 'tel@example.org' }))
        .status,
    ).toBe(409);
    expect((await smtp.waitForMail('tel@example.org', /^Inscription confirmée$/)).attachments).toHaveLength(1);
  });

  it('is not published content: registering and confirming leave the site’s content version alone', async () => {
    const version = async () =>
      (
        (await (
          await cms.fetch('/api/site-version', { headers: { authorization: `Bearer ${cms.env.CMS_TOKEN}` } })
        ).json()) as { data: { version: string } }
      ).data.version;
    const event = await publishRegistrationEvent(cms, { title: `Soirée version ${database}`, capacity: 10 });
    const before = await version();
    await registerAndConfirm(event.documentId, 'version@example.org', 'Version Stable');
    expect(await version()).toBe(before);
    for (const path of ['/api/registrations', `/api/registrations/${event.documentId}`])
      expect((await follow(path)).status).toBeGreaterThanOrEqual(400);
  });
});
