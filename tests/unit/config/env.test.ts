import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  generateSecret,
  isPlaceholderSecret,
  loadEnv,
  parseEnvText,
  requireSecrets,
  SECRET_NAMES,
} from '@clermontech/config';

const noFile = '/nonexistent/.env';
const goodSecrets = () => Object.fromEntries(SECRET_NAMES.map((name) => [name, generateSecret(name)]));

describe('loadEnv', () => {
  it('applies defaults and derives the URLs from the ports', () => {
    const env = loadEnv({}, noFile);
    expect(env).toMatchObject({ CMS_PORT: 1337, SITE_PORT: 4321, DATABASE_CLIENT: 'sqlite', SEED_DEMO: true });
    expect(env.CMS_URL).toBe('http://localhost:1337');
    expect(loadEnv({ CMS_PORT: '1400' }, noFile).CMS_URL).toBe('http://localhost:1400');
  });

  it.each([
    [{ CMS_PORT: 'abc' }, /CMS_PORT/],
    [{ CMS_PORT: '70000' }, /CMS_PORT/],
    [{ DATABASE_CLIENT: 'mysql' }, /DATABASE_CLIENT/],
    [{ DATABASE_CLIENT: 'postgres' }, /DATABASE_URL is required/],
    [{ CMS_URL: 'not a url' }, /CMS_URL/],
    [{ SEED_DEMO: 'maybe' }, /SEED_DEMO/],
    [{ CMS_ADMIN_EMAIL: 'admin@example.org' }, /CMS_ADMIN_PASSWORD/],
  ])('refuses %o with one line naming the variable', (source, message) => {
    expect(() => loadEnv(source, noFile)).toThrow(ConfigError);
    try {
      loadEnv(source, noFile);
    } catch (error) {
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('lets the process environment override the env file', () => {
    expect(parseEnvText('A=1\n# comment\nexport B="two words"\nC=3 # note\n')).toEqual({
      A: '1',
      B: 'two words',
      C: '3',
    });
  });
});

describe('secrets', () => {
  it('generates distinct random secrets, four app keys', () => {
    const a = generateSecret('APP_KEYS');
    expect(a.split(',')).toHaveLength(4);
    expect(generateSecret('JWT_SECRET')).not.toBe(generateSecret('JWT_SECRET'));
    expect(isPlaceholderSecret(a)).toBe(false);
  });

  it.each(['toBeModified1,toBeModified2', 'changeme', 'tobemodified', 'short', 'secret-value-for-production'])(
    'recognises the placeholder %s',
    (value) => expect(isPlaceholderSecret(value)).toBe(true),
  );

  it('requires every secret, naming the first missing one', () => {
    const env = loadEnv({ ...goodSecrets(), JWT_SECRET: '' }, noFile);
    expect(() => requireSecrets(env)).toThrow(/Missing secret JWT_SECRET/);
  });

  it('refuses placeholders in production only', () => {
    const source = { ...goodSecrets(), ADMIN_JWT_SECRET: 'toBeModified' };
    expect(() => requireSecrets(loadEnv(source, noFile))).not.toThrow();
    expect(() => requireSecrets(loadEnv({ ...source, NODE_ENV: 'production' }, noFile))).toThrow(
      /ADMIN_JWT_SECRET is a placeholder/,
    );
  });
});
