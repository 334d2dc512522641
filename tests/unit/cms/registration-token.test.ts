import { ConfigError, loadEnv } from '@clermontech/config';
import { describe, expect, it } from 'vitest';
import { registrationSecret, signToken, verifyToken } from '../../../cms/src/registrations/token.ts';

const SECRET = 'a'.repeat(64);
const NOW = new Date('2026-03-01T12:00:00Z');
const LATER = Math.floor(NOW.getTime() / 1000) + 3600;

describe('registration link tokens', () => {
  const token = signToken(SECRET, { registration: 'abcdefghijklmnopqrstuvwx', action: 'cancel', expires: LATER });

  it('gives back the claims of a token it signed, for its action, before its expiry', () => {
    expect(verifyToken(SECRET, token, 'cancel', NOW)).toEqual({
      registration: 'abcdefghijklmnopqrstuvwx',
      action: 'cancel',
      expires: LATER,
    });
  });

  it.each([
    ['another action', token, 'confirm', NOW],
    ['after its expiry', token, 'cancel', new Date(LATER * 1000)],
    ['another registration', token.replace('abcdefghijklmnopqrstuvwx', 'abcdefghijklmnopqrstuvwy'), 'cancel', NOW],
    ['a later expiry', token.replace(`.${LATER}.`, `.${LATER + 86_400}.`), 'cancel', NOW],
    ['a truncated signature', token.slice(0, -2), 'cancel', NOW],
    [
      'another key',
      signToken('b'.repeat(64), { registration: 'abcdefghijklmnopqrstuvwx', action: 'cancel', expires: LATER }),
      'cancel',
      NOW,
    ],
    ['no token', undefined, 'cancel', NOW],
    ['an array (a repeated query parameter)', [token], 'cancel', NOW],
  ] as const)('refuses a token with %s', (_case, candidate, action, now) => {
    expect(verifyToken(SECRET, candidate, action, now)).toBeUndefined();
  });

  it('is required in production, and only there', () => {
    expect(() => registrationSecret(loadEnv({ NODE_ENV: 'production' }, '/nonexistent/.env'))).toThrow(ConfigError);
    expect(() => registrationSecret(loadEnv({ NODE_ENV: 'production' }, '/nonexistent/.env'))).toThrow(
      /REGISTRATION_SECRET/,
    );
    expect(registrationSecret(loadEnv({ NODE_ENV: 'development' }, '/nonexistent/.env'))).toBeUndefined();
    expect(
      registrationSecret(loadEnv({ NODE_ENV: 'production', REGISTRATION_SECRET: SECRET }, '/nonexistent/.env')),
    ).toBe(SECRET);
  });
});
