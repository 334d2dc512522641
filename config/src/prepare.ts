import { loadEnv, requireSecrets, type Env } from './env.js';
import { ensureLocalSecrets } from './secrets.js';

/**
 * What every command that starts Strapi does first: on a developer machine, generate the secrets a
 * first start needs; then validate the environment. Throws a one-line ConfigError.
 */
// eslint-disable-next-line no-console -- its callers are terminal commands (npm start, npm run cms), which print the line
export function prepareCmsEnvironment(log: (line: string) => void = console.log): Env {
  if (process.env.NODE_ENV !== 'production') {
    const generated = ensureLocalSecrets();
    if (generated.length > 0) log(`Generated local secrets (${generated.join(', ')}) into the git-ignored .env file.`);
  }
  const env = loadEnv();
  requireSecrets(env);
  return env;
}
