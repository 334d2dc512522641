import type { Core } from '@strapi/strapi';
import type { Env } from '@clermontech/config';

export const PUBLISHER_WEBHOOK_NAME = 'Site public (publication automatique)';

const ENTRY_EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'entry.draft-discard'];
const MEDIA_EVENTS = ['media.create', 'media.update', 'media.delete'];

interface Webhook {
  id: string | number;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

/**
 * Points a webhook at the publisher for every content and media change, idempotently, from the
 * configuration. Strapi loads stored webhooks into its runner before our bootstrap, so a created or
 * changed webhook is also handed to the runner: it works at once, without a restart.
 */
export async function registerPublisherWebhook(strapi: Core.Strapi, env: Env): Promise<void> {
  if (!env.PUBLISHER_TOKEN) {
    strapi.log.warn('PUBLISHER_TOKEN is not set: publishing will not update the public site');
    return;
  }
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const allowed = new Set(store.listAllowedEvents().map((key: string) => store.getAllowedEvent(key)));
  const wanted = {
    name: PUBLISHER_WEBHOOK_NAME,
    url: new URL('/_publisher/webhook', env.PUBLISHER_URL).toString(),
    headers: { Authorization: `Bearer ${env.PUBLISHER_TOKEN}` },
    events: [...ENTRY_EVENTS, ...MEDIA_EVENTS].filter((event) => allowed.has(event)),
    isEnabled: true,
  };
  const existing = ((await store.findWebhooks()) as Webhook[]).find((webhook) => webhook.name === PUBLISHER_WEBHOOK_NAME);
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
    return;
  }
  const same =
    existing.url === wanted.url &&
    existing.isEnabled &&
    existing.headers?.Authorization === wanted.headers.Authorization &&
    [...existing.events].sort().join() === [...wanted.events].sort().join();
  if (!same) runner.update(await store.updateWebhook(existing.id, wanted));
}
