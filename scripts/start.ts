/**
 * `npm start`: everything a newcomer needs, on SQLite with demo content. Starts the CMS, waits for
 * it, then the publisher (which builds and serves the site), and prints the URLs. Once both are up,
 * a process that crashes is started again (after 1 s, 2 s, 4 s… up to 30 s) while the other keeps
 * running; Ctrl-C or SIGTERM stops both.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigError, ensureLocalSecrets, loadEnv, PUBLISHER_PATHS, readEnvFile, repoRoot } from '@clermontech/config';
import { Supervised } from './start/supervisor.ts';

const processes: Supervised[] = [];
let stopping = false;

function run(name: string, script: string, args: string[] = []): Supervised {
  const supervised = new Supervised({
    name,
    start: () =>
      spawn(process.execPath, [join(repoRoot, script), ...args], {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...readEnvFile(), ...process.env },
      }),
  });
  supervised.start();
  processes.push(supervised);
  return supervised;
}

async function stopAll(exitCode = 0): Promise<never> {
  if (!stopping) {
    stopping = true;
    await Promise.all(processes.map((supervised) => supervised.stop()));
  }
  process.exit(exitCode);
}

/** Waits until `url` answers; fails if the process exits first (a failed start stops everything). */
async function waitForHealth(url: string, supervised: Supervised): Promise<void> {
  // The CMS builds its admin panel on the very first start: this can take a couple of minutes.
  const deadline = Date.now() + 15 * 60_000;
  const child = supervised.child!;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(
    child.exitCode === null && child.signalCode === null
      ? `Nothing answered at ${url}`
      : `${supervised.name} stopped while starting; stopping everything.`,
  );
}

async function main() {
  try {
    const generated = ensureLocalSecrets();
    if (generated.length > 0) console.log('First start: generated local secrets into the git-ignored .env file.');
    const env = loadEnv();
    process.on('SIGINT', () => void stopAll());
    process.on('SIGTERM', () => void stopAll());

    const cms = run('The CMS', 'cms/scripts/run.mts', ['start']);
    await waitForHealth(`http://127.0.0.1:${env.CMS_PORT}/_health`, cms);
    cms.supervise();

    const publisherScript = 'site/publisher/main.ts';
    const hasPublisher = existsSync(join(repoRoot, publisherScript));
    if (hasPublisher) {
      const publisher = run('The publisher', publisherScript);
      await waitForHealth(`http://127.0.0.1:${env.SITE_PORT}${PUBLISHER_PATHS.status}`, publisher);
      publisher.supervise();
    }

    console.log(`
Clermont'ech is running:
  Admin (CMS)   ${env.CMS_URL}${env.CMS_ADMIN_PATH}
  Public API    ${env.CMS_URL}/api/events
${hasPublisher ? `  Site          ${env.SITE_URL}\n` : ''}Press Ctrl-C to stop.`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

await main();
