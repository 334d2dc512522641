import { setTimeout as delay } from 'node:timers/promises';
import { startCms } from '../../tests/helpers/cms.ts';
import {
  linkIn,
  publishRegistrationEvent,
  registrationForm,
  sendRegistration,
  storedRegistrations,
} from '../../tests/helpers/registrations.ts';
import { startSmtpSink } from '../../tests/helpers/smtp-sink.ts';
import { median, percentile } from '../stats.ts';

export interface RegistrationRushFigures {
  registrations: number;
  places: number;
  /** Seconds the posts were spread over (they are sent at a steady pace, not awaited in turn). */
  spreadSeconds: number;
  postP95Ms: number;
  postMedianMs: number;
  /** Confirmation links followed all at once, as people opening their e-mail together. */
  confirmP95Ms: number;
  confirmed: number;
  waiting: number;
  /** Stored registrations and confirmation e-mails received, of `registrations` sent. */
  stored: number;
  mailed: number;
}

/**
 * A rush on an evening's form: `registrations` people post it within `spreadSeconds`, each from
 * their own address (the CMS trusts one proxy hop, as in production), and then all follow their
 * confirmation links at once. Measures the form's POST and the confirmation, and checks nothing was
 * overbooked (exactly `places` confirmed, the rest waiting) and nothing lost (every registration
 * stored and e-mailed).
 */
export async function benchRegistrationRush(
  database: 'sqlite' | 'postgres',
  { registrations = 500, places = 50, spreadSeconds = 60 } = {},
): Promise<RegistrationRushFigures> {
  const smtp = await startSmtpSink();
  const cms = await startCms({
    database,
    seedDemo: false,
    env: {
      CMS_TRUST_PROXY: 'true',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      REGISTRATION_RATE_LIMIT_MAX: '5',
    },
  });
  try {
    const event = await publishRegistrationEvent(cms, { title: `Soirée bench ${database}`, capacity: places });
    const emails = Array.from({ length: registrations }, (_, index) => `rush-${index}@example.org`);
    const postLatencies: number[] = [];
    const posts = emails.map(async (email, index) => {
      await delay((index * spreadSeconds * 1000) / registrations);
      const started = performance.now();
      const response = await sendRegistration(
        cms,
        registrationForm(event.documentId, { email, name: `Personne ${index}` }),
        {
          clientIp: `10.${Math.floor(index / 250)}.${index % 250}.1`,
        },
      );
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`registration ${index}: ${response.status}`);
      postLatencies.push(performance.now() - started);
    });
    await Promise.all(posts);

    const links = await Promise.all(
      emails.map(async (email) => linkIn(await smtp.waitForMail(email, /Confirmez/, 300_000), 'confirm')),
    );
    const confirmLatencies: number[] = [];
    await Promise.all(
      links.map(async (link) => {
        const started = performance.now();
        const response = await cms.fetch(link, { redirect: 'manual' });
        await response.arrayBuffer();
        if (response.status !== 303) throw new Error(`confirmation: ${response.status}`);
        confirmLatencies.push(performance.now() - started);
      }),
    );
    const stored = await storedRegistrations(cms, event.documentId);
    return {
      registrations,
      places,
      spreadSeconds,
      postP95Ms: percentile(postLatencies, 95),
      postMedianMs: median(postLatencies),
      confirmP95Ms: percentile(confirmLatencies, 95),
      confirmed: stored.filter((row) => row.registrationStatus === 'confirmed').length,
      waiting: stored.filter((row) => row.registrationStatus === 'waiting').length,
      stored: stored.length,
      mailed: new Set(smtp.mails.filter((mail) => /Confirmez/.test(mail.subject)).flatMap((mail) => mail.to)).size,
    };
  } finally {
    await cms.destroy();
    await smtp.close();
  }
}
