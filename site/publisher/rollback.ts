/** `npm run site:rollback`: serve the previous release again, instantly, without rebuilding. */
import { publisherConfig } from './config.ts';
import { ReleaseStore } from './release-store.ts';

const store = new ReleaseStore(publisherConfig().releasesDir);
const before = store.current()?.id;
const previous = store.rollback();
if (!previous) {
  console.error(`No release before ${before ?? 'the current one'} to roll back to.`);
  process.exit(1);
}
console.log(`Rolled back from ${before} to ${previous}.`);
