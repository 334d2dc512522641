import type { Core } from '@strapi/strapi';
import { PUBLISHER_WEBHOOK_NAME } from './site-publishing/webhook';

export { markDemoContentSkipped } from './bootstrap/demo-content';

/**
 * Webhooks would fire once per entry a bulk writer saves (hundreds of rebuilds of the public site):
 * this removes them from this process's runner; the function returned tells the publisher once, at
 * the end, if its webhook is enabled.
 */
export async function muteWebhooks(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const store = strapi.get('webhookStore');
  const runner = strapi.get('webhookRunner');
  const webhooks = (await store.findWebhooks()) as { id: string | number; name: string; isEnabled: boolean }[];
  for (const webhook of webhooks) runner.remove(webhook);
  return async () => {
    const publisher = webhooks.find((webhook) => webhook.name === PUBLISHER_WEBHOOK_NAME && webhook.isEnabled);
    if (publisher) await runner.run(publisher, 'entry.publish', { model: 'jekyll-import' });
  };
}
