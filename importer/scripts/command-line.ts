import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Says what is wrong on stderr and stops with 2, the scripts' code for bad usage or setup. */
export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;

/**
 * The script's arguments as `options` describe them, with `-h`/`--help` added: help prints `usage`
 * and exits 0; an unknown option, or a number of paths other than `paths`, prints `usage` and
 * exits 2. The paths are resolved from the folder the command was typed in.
 */
export function readCommandLine<const Options extends ParseArgsOptionsConfig>(
  usage: string,
  paths: number,
  options: Options,
) {
  let args;
  try {
    args = parseArgs<{ allowPositionals: true; options: Options & typeof HELP }>({
      allowPositionals: true,
      options: { ...options, ...HELP },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
  }
  // Read by name: the values' type is only known where the options are.
  const asked: Record<string, unknown> = args.values;
  if (asked.help) {
    console.log(usage);
    process.exit(0);
  }
  if (args.positionals.length !== paths) fail(usage);
  // npm runs workspace scripts from importer/: paths are relative to where the command was typed.
  const callerDir = process.env.INIT_CWD ?? process.cwd();
  return {
    values: args.values,
    paths: args.positionals.map((path) => resolve(callerDir, path)),
    fromCaller: (path: string) => resolve(callerDir, path),
  };
}
