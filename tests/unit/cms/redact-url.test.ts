import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../cms/src/security/redact-url.ts';

describe('redactUrl (the CMS access log)', () => {
  it.each([
    ['/api/preview/talks/abc?token=eyJ1aWQiOiJ4In0.c2ln', '/api/preview/talks/abc?token=[redacted]'],
    ['/api/preview/talks/abc?a=1&token=x.y&b=2', '/api/preview/talks/abc?a=1&token=[redacted]&b=2'],
    ['/admin/registration-info?registrationToken=f00', '/admin/registration-info?registrationToken=[redacted]'],
    ['/api/auth/email-confirmation?confirmation=c0de', '/api/auth/email-confirmation?confirmation=[redacted]'],
    ['/api/connect/github/callback?code=123&state=s', '/api/connect/github/callback?code=[redacted]&state=s'],
    // Spelt differently, still a token: encoded name, other case, array brackets.
    ['/x?%74oken=secret', '/x?%74oken=[redacted]'],
    ['/x?TOKEN=secret', '/x?TOKEN=[redacted]'],
    ['/x?token[0]=secret', '/x?token[0]=[redacted]'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });

  it('leaves other URLs as they were', () => {
    for (const url of ['/api/events', '/api/events?filters[slug][$eq]=api-hour-73&populate=*', '/x?token', '/x?%zz=1'])
      expect(redactUrl(url)).toBe(url);
  });
});
