export { loadEnv, requireSecrets, ConfigError, type Env, type Secrets } from './env.js';
export {
  ensureLocalSecrets,
  generateSecret,
  isPlaceholderSecret,
  SECRET_NAMES,
  SHARED_TOKEN_NAMES,
} from './secrets.js';
export { repoRoot, envFilePath, readEnvFile, parseEnvText, appendToEnvFile } from './env-file.js';
export { prepareCmsEnvironment } from './prepare.js';
export { PARIS_TIME_ZONE, parisOffsetMinutes, parisToUtc, parisWallClock, type WallClock } from './paris-time.js';
export * from './contract/index.js';
export { decodeEntities, fold, nameKey, slugify } from './names.js';
export { readSiteLink, type SiteLink } from './links.js';
export { seededRandom } from './seeded-random.js';
