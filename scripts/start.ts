/**
 * `npm start`: everything a newcomer needs, on SQLite with demo content. Starts the CMS, waits for
 * it, then the publisher (which builds and serves the site), prints the URLs, and stops both on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigError, ensureLocalSecrets, loadEnv, readEnvFile, repoRoot } from '@clermontech/config';

const children: ChildProcess[] = [];
let stopping = false;

function run(name: string, script: string, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [join(repoRoot, script), ...args], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...readEnvFile(), ...process.env },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
    void stopAll(code ?? 1);
  });
  children.push(child);
  return child;
}

async function stopAll(exitCode = 0): Promise<never> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  process.exit(exitCode);
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  // The CMS builds its admin panel on the very first start: this can take a couple of minutes.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error(`Nothing answered at ${url}`);
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

    const publisherScript = 'site/publisher/main.ts';
    const hasPublisher = existsSync(join(repoRoot, publisherScript));
    if (hasPublisher) {
      const publisher = run('The publisher', publisherScript);
      await waitForHealth(`http://127.0.0.1:${env.SITE_PORT}/_publisher/status`, publisher);
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
