import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, whatever the current directory is. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The git-ignored env file every part reads; CLERMONTECH_ENV_FILE points elsewhere (tests do). */
export function envFilePath(): string {
  return process.env.CLERMONTECH_ENV_FILE ?? resolve(repoRoot, '.env');
}

/** Parses KEY=value lines (optionally quoted); comments and blank lines are skipped. */
export function parseEnvText(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw = ''] = match;
    const quoted = /^(['"])(.*)\1$/.exec(raw);
    values[key!] = quoted ? quoted[2]! : raw.replace(/\s+#.*$/, '');
  }
  return values;
}

export function readEnvFile(file = envFilePath()): Record<string, string> {
  return existsSync(file) ? parseEnvText(readFileSync(file, 'utf8')) : {};
}

/** Appends variables to the env file (created 0600), leaving existing lines untouched. */
export function appendToEnvFile(entries: Record<string, string>, comment: string, file = envFilePath()): void {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = Object.entries(entries).map(([key, value]) => `${key}=${value}`);
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writeFileSync(file, `${existing}${separator}# ${comment}\n${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
