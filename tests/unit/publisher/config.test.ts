import { afterEach, describe, expect, it, vi } from 'vitest';
import { publisherConfig } from '../../../site/publisher/config.ts';

describe('publisherConfig: the origin requests are built on, and HTTPS', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ['https://www.clermontech.test/', 'https://www.clermontech.test', true],
    ['http://127.0.0.1:4321', 'http://127.0.0.1:4321', false],
  ])('SITE_URL=%s → origin %s, HSTS %s', (siteUrl, origin, https) => {
    // Production: the test neither reads nor writes a developer's .env.
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('CLERMONTECH_ENV_FILE', '/nonexistent/.env');
    vi.stubEnv('PUBLISHER_TOKEN', 'p'.repeat(64));
    vi.stubEnv('SITE_URL', siteUrl);
    expect(publisherConfig()).toMatchObject({ origin, https });
  });
});
