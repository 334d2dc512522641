import { describe, expect, it } from 'vitest';
import { isAuthorized } from '../../../site/publisher/webhook-auth.ts';

const token = 'a'.repeat(64);

describe('isAuthorized', () => {
  it('accepts exactly "Bearer <token>"', () => expect(isAuthorized(`Bearer ${token}`, token)).toBe(true));

  it.each([
    ['missing', null],
    ['empty', ''],
    ['wrong', `Bearer ${'b'.repeat(64)}`],
    ['too short', `Bearer ${token.slice(1)}`],
    ['too long', `Bearer ${token}a`],
    ['no scheme', token],
    ['other scheme', `Basic ${token}`],
    ['trailing text', `Bearer ${token} extra`],
    ['lowercase scheme', `bearer ${token}`],
  ])('refuses a %s header', (_name, header) => expect(isAuthorized(header, token)).toBe(false));
});
