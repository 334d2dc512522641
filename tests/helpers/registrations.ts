import { execFile } from 'node:child_process';
import { CONTENT_TYPES } from '@clermontech/config';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, type RunningCms } from './cms.ts';
import { createDraft, publishChange } from './content.ts';
import type { ReceivedMail } from './smtp-sink.ts';

export const REGISTRATION_UID = CONTENT_TYPES.registrations.uid;
export const EVENT_UID = CONTENT_TYPES.events.uid;
const HOUR = 3600_000;

/** Publishes an evening taking registrations on the site, `startsInHours` from now. */
export async function publishRegistrationEvent(
  cms: RunningCms,
  {
    title,
    capacity,
    waitingList = true,
    startsInHours = 72,
  }: { title: string; capacity: number | null; waitingList?: boolean; startsInHours?: number },
): Promise<{ documentId: string; startsAt: Date; endsAt: Date }> {
  const token = await cms.adminToken();
  const startsAt = new Date(Math.floor((Date.now() + startsInHours * HOUR) / 60_000) * 60_000);
  const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
  const data = {
    title,
    kind: 'other',
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    capacity,
    registrationMode: 'site',
    waitingList,
  };
  const draft = await createDraft(cms.url, token, EVENT_UID, data);
  await publishChange(cms.url, token, EVENT_UID, draft.documentId, data);
  return { documentId: draft.documentId, startsAt, endsAt };
}

/** The form's fields for `event`, valid unless `changes` break them. */
export function registrationForm(event: string, changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event,
    name: 'Alex Inscrite',
    email: 'alex@example.org',
    firstTime: 'on',
    accessibilityNeeds: '',
    site_web: '',
    ...changes,
  };
}

/** Posts the registration form, as its script does (JSON) or as a plain form does. */
export function sendRegistration(
  cms: RunningCms,
  body: Record<string, unknown>,
  { as = 'json', clientIp }: { as?: 'json' | 'form'; clientIp?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = clientIp ? { 'x-forwarded-for': clientIp } : {};
  headers['content-type'] = as === 'json' ? 'application/json' : 'application/x-www-form-urlencoded';
  const payload =
    as === 'json'
      ? JSON.stringify(body)
      : new URLSearchParams(Object.entries(body).map(([name, value]) => [name, String(value)])).toString();
  return cms.fetch('/api/registrations', { method: 'POST', headers, body: payload, redirect: 'manual' });
}

/** The CMS link of an e-mail (confirm or cancel), as a path with its query. */
export function linkIn(mail: ReceivedMail, action: 'confirm' | 'cancel'): string {
  const match = new RegExp(`https?://[^\\s"<>]+/api/registrations/${action}\\?token=[^\\s"<>]+`).exec(mail.text);
  if (!match) throw new Error(`no ${action} link in "${mail.subject}":\n${mail.text}`);
  const url = new URL(match[0]);
  return `${url.pathname}${url.search}`;
}

export interface StoredRegistration {
  documentId: string;
  eventDocumentId: string;
  registrationStatus: string;
  name: string | null;
  email: string | null;
  accessibilityNeeds: string | null;
  firstTime: boolean | null;
  anonymisedAt: string | null;
  mailPending: boolean | null;
}

/** The registrations of one event, as an Editor sees them in the admin (content-manager API). */
export async function storedRegistrations(cms: RunningCms, eventDocumentId: string): Promise<StoredRegistration[]> {
  const all: StoredRegistration[] = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      page: String(page),
      pageSize: '100',
      sort: 'id:ASC',
      'filters[eventDocumentId][$eq]': eventDocumentId,
    });
    const response = await cms.fetch(`/content-manager/collection-types/${REGISTRATION_UID}?${query}`, {
      headers: { authorization: `Bearer ${await cms.adminToken()}` },
    });
    if (!response.ok) throw new Error(`listing registrations: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { results: StoredRegistration[]; pagination: { pageCount: number } };
    all.push(...body.results);
    if (page >= body.pagination.pageCount) return all;
  }
}

/** Runs the registrations' scheduled chores once, at `now`, on the CMS's database (cms/scripts/registration-chores.mts). */
export async function runChores(
  cms: RunningCms,
  now: Date,
): Promise<{ promoted: number; reminded: number; retried: number; anonymised: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(repoRoot, 'cms/scripts/registration-chores.mts'), '--now', now.toISOString()],
    {
      cwd: join(repoRoot, 'cms'),
      env: { ...process.env, ...cms.env },
      encoding: 'utf8',
      maxBuffer: 20_000_000,
    },
  );
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('{"promoted"'));
  if (!line) throw new Error(`registration chores printed no report:\n${stdout.slice(-2000)}`);
  return JSON.parse(line) as { promoted: number; reminded: number; retried: number; anonymised: number };
}
