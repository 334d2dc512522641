import type { Core } from '@strapi/strapi';
import { PUBLISHER_PATHS, type Env } from '@clermontech/config';

export const PUBLISHER_WEBHOOK_NAME = 'Site public (publication automatique)';

const ENTRY_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
  'entry.draft-discard',
];
const MEDIA_EVENTS = ['media.create', 'media.update', 'media.delete'];

interface Webhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string> | null;
  events: string[];
  isEnabled: boolean;
}

type WebhookFields = Omit<Webhook, 'id'>;

/** The parts of Strapi's webhook store and runner (`@strapi/core` services/webhook-*) used here. */
interface WebhookStore {
  listAllowedEvents(): string[];
  getAllowedEvent(key: string): string | undefined;
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(webhook: WebhookFields): Promise<Webhook>;
  updateWebhook(id: Webhook['id'], webhook: WebhookFields): Promise<Webhook>;
}
interface WebhookRunner {
  run(webhook: Webhook, event: string, info?: Record<string, unknown>): Promise<unknown>;
  add(webhook: Webhook): void;
  update(webhook: Webhook): void;
}

function sameUrl(url: string, target: string): boolean {
  return URL.canParse(url) && new URL(url).href === target;
}

function withoutAuthorization(headers: Webhook['headers']): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'authorization'));
}

/**
 * Adds the publisher's bearer token to every request Strapi's webhook runner sends to the
 * publisher's webhook URL (events and the admin's "trigger" button alike), at send time: the token
 * stays in the environment and never reaches the webhook table, nor therefore any backup. Strapi
 * offers no per-request header hook (`server.webhooks.defaultHeaders` would hand the token to every
 * webhook) and its runner service cannot be replaced, so its public `run` is wrapped; the payload,
 * timeout and absence of retries stay Strapi's.
 */
function signRequestsTo(runner: WebhookRunner, target: string, token: string): void {
  const run = runner.run.bind(runner);
  runner.run = (webhook, event, info) =>
    run(
      sameUrl(webhook.url, target)
        ? { ...webhook, headers: { ...withoutAuthorization(webhook.headers), Authorization: `Bearer ${token}` } }
        : webhook,
      event,
      info,
    );
}

/**
 * Installations before the token was added at send time stored it in the webhook's headers: drop
 * any Authorization header from webhooks aimed at the publisher (ours, or one an admin made).
 */
async function forgetStoredTokens(store: WebhookStore, runner: WebhookRunner, target: string): Promise<Webhook[]> {
  const webhooks = await store.findWebhooks();
  return Promise.all(
    webhooks.map(async (webhook) => {
      const aimed = webhook.name === PUBLISHER_WEBHOOK_NAME || sameUrl(webhook.url, target);
      const headers = withoutAuthorization(webhook.headers);
      if (!aimed || Object.keys(headers).length === Object.keys(webhook.headers ?? {}).length) return webhook;
      const { id, ...fields } = webhook;
      const updated = await store.updateWebhook(id, { ...fields, headers });
      runner.update(updated);
      return updated;
    }),
  );
}

/**
 * Points a webhook at the publisher for every content and media change, idempotently, from the
 * configuration, and signs its requests with PUBLISHER_TOKEN as they leave. Strapi loads stored
 * webhooks into its runner before our bootstrap, so a created or changed webhook is also handed to
 * the runner: it works at once, without a restart.
 */
export async function registerPublisherWebhook(strapi: Core.Strapi, env: Env): Promise<void> {
  const store = strapi.get<WebhookStore>('webhookStore');
  const runner = strapi.get<WebhookRunner>('webhookRunner');
  const target = new URL(PUBLISHER_PATHS.webhook, env.PUBLISHER_URL).href;
  const webhooks = await forgetStoredTokens(store, runner, target);
  if (!env.PUBLISHER_TOKEN) {
    strapi.log.warn('PUBLISHER_TOKEN is not set: publishing will not update the public site');
    return;
  }
  signRequestsTo(runner, target, env.PUBLISHER_TOKEN);

  const allowed = new Set(store.listAllowedEvents().map((key) => store.getAllowedEvent(key)));
  const wanted: WebhookFields = {
    name: PUBLISHER_WEBHOOK_NAME,
    url: target,
    headers: {},
    events: [...ENTRY_EVENTS, ...MEDIA_EVENTS].filter((event) => allowed.has(event)),
    isEnabled: true,
  };
  const existing = webhooks.find((webhook) => webhook.name === PUBLISHER_WEBHOOK_NAME);
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    return;
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled &&
    Object.keys(existing.headers ?? {}).length === 0 &&
    [...existing.events].sort().join() === [...wanted.events].sort().join();
  if (!same) runner.update(await store.updateWebhook(existing.id, wanted));
}
