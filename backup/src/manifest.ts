/** The version of the archive layout; a restore refuses formats it does not know. */
export const MANIFEST_FORMAT = 1;
export const MANIFEST_PATH = 'manifest.json';

export type DatabaseDump =
  | { client: 'sqlite'; path: 'database.sqlite'; sqliteVersion: string }
  | { client: 'postgres'; path: 'database.sql'; schema: string; serverVersion: string; pgDumpVersion: string };

export interface ManifestFile {
  /** Path inside the archive: the database dump, or uploads/<name>. */
  path: string;
  size: number;
  /** Hex SHA-256 of the content. */
  sha256: string;
}

/** manifest.json, the archive's last entry: what it holds and how to check it. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  /** When the database snapshot was taken (ISO 8601, UTC). */
  createdAt: string;
  /** The @strapi/strapi version whose database schema the dump holds. */
  strapiVersion: string;
  database: DatabaseDump;
  /**
   * Fingerprints (not the values) of the secrets stored data depends on, so a restore can warn
   * that API tokens will not work with this installation's secrets.
   */
  secretFingerprints: Record<string, string>;
  /** Every other entry of the archive, database first. */
  files: ManifestFile[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${field} is missing`);
  return value;
}

function parseDatabase(value: unknown): DatabaseDump {
  if (!isRecord(value)) throw new Error('database is missing');
  switch (value.client) {
    case 'sqlite':
      if (value.path !== 'database.sqlite') throw new Error('database.path must be database.sqlite');
      return { client: 'sqlite', path: value.path, sqliteVersion: text(value.sqliteVersion, 'database.sqliteVersion') };
    case 'postgres':
      if (value.path !== 'database.sql') throw new Error('database.path must be database.sql');
      return {
        client: 'postgres',
        path: value.path,
        schema: text(value.schema, 'database.schema'),
        serverVersion: text(value.serverVersion, 'database.serverVersion'),
        pgDumpVersion: text(value.pgDumpVersion, 'database.pgDumpVersion'),
      };
    default:
      throw new Error(`unknown database client ${JSON.stringify(value.client)}`);
  }
}

function parseFile(value: unknown, index: number): ManifestFile {
  if (!isRecord(value)) throw new Error(`files[${index}] is not an object`);
  const { path, size, sha256 } = value;
  if (typeof path !== 'string' || path === '') throw new Error(`files[${index}].path is missing`);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw new Error(`files[${index}].size is not a size`);
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
    throw new Error(`files[${index}].sha256 is not a SHA-256`);
  return { path, size, sha256 };
}

/** Parses and checks manifest.json; throws an Error whose message names the wrong field. */
export function parseManifest(json: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('manifest.json is not JSON');
  }
  if (!isRecord(value)) throw new Error('manifest.json is not an object');
  if (value.format !== MANIFEST_FORMAT) {
    throw new Error(
      `unknown archive format ${JSON.stringify(value.format)} (this restore reads format ${MANIFEST_FORMAT}; a newer one may need a newer checkout)`,
    );
  }
  const createdAt = text(value.createdAt, 'createdAt');
  if (Number.isNaN(Date.parse(createdAt))) throw new Error('createdAt is not a date');
  const fingerprints = isRecord(value.secretFingerprints) ? value.secretFingerprints : {};
  if (!Array.isArray(value.files)) throw new Error('files is missing');
  const database = parseDatabase(value.database);
  const files = value.files.map(parseFile);
  if (!files.some((file) => file.path === database.path)) throw new Error(`files does not list ${database.path}`);
  return {
    format: MANIFEST_FORMAT,
    createdAt,
    strapiVersion: text(value.strapiVersion, 'strapiVersion'),
    database,
    secretFingerprints: Object.fromEntries(
      Object.entries(fingerprints).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    files,
  };
}
