/**
 * Just enough of the tar format (POSIX ustar, with pax headers for long names) to write our
 * archives and read them back, streaming. `tar -tzf` lists what this writes; the reader also takes
 * what GNU tar writes for regular files, so a hand-repacked archive still restores.
 */

const BLOCK = 512;
/** Largest size the 11 octal digits of a ustar header hold (8 GiB - 1); above it goes in a pax header. */
const MAX_OCTAL_SIZE = 0o77777777777;

/** Thrown for anything that is not a readable tar stream; the message is one line. */
export class TarError extends Error {
  override name = 'TarError';
}

export interface TarEntry {
  /** Relative path with forward slashes. */
  path: string;
  size: number;
  mtime?: Date;
  mode?: number;
}

function writeString(block: Buffer, offset: number, length: number, value: string): void {
  block.write(value, offset, length, 'utf8');
}

function writeOctal(block: Buffer, offset: number, length: number, value: number): void {
  writeString(block, offset, length - 1, value.toString(8).padStart(length - 1, '0'));
}

function ustarHeader(name: string, size: number, type: '0' | 'x', mtime: Date, mode: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  writeString(block, 0, 100, name);
  writeOctal(block, 100, 8, mode);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, Math.min(size, MAX_OCTAL_SIZE));
  writeOctal(block, 136, 12, Math.floor(mtime.getTime() / 1000));
  block.fill(' ', 148, 156);
  writeString(block, 156, 1, type);
  writeString(block, 257, 6, 'ustar');
  writeString(block, 263, 2, '00');
  let sum = 0;
  for (const byte of block) sum += byte;
  writeString(block, 148, 7, `${sum.toString(8).padStart(6, '0')}\0`);
  return block;
}

/** One pax record: "<length> <key>=<value>\n", the length counting itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bodyLength = Buffer.byteLength(body);
  let length = bodyLength + String(bodyLength).length;
  // Adding the digits can add a digit (98 + 2 = 100).
  if (String(length).length !== String(bodyLength).length) length = bodyLength + String(length).length;
  return `${length}${body}`;
}

/** The zero bytes that bring an entry's data to a whole number of blocks. */
export function tarPadding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** Two empty blocks end an archive. */
export const TAR_END = Buffer.alloc(BLOCK * 2);

/** The header block(s) of one regular file: a pax header first when the name or size does not fit ustar. */
export function tarHeader({ path, size, mtime = new Date(), mode = 0o644 }: TarEntry): Buffer {
  const records: string[] = [];
  // Non-ASCII names go through pax too: its path is UTF-8 by definition, ustar's is whatever the reader guesses.
  if (Buffer.byteLength(path) > 100 || !/^[\x20-\x7e]*$/.test(path)) records.push(paxRecord('path', path));
  if (size > MAX_OCTAL_SIZE) records.push(paxRecord('size', String(size)));
  const header = ustarHeader(path.replace(/[^\x20-\x7e]/g, '_').slice(-100), size, '0', mtime, mode);
  if (records.length === 0) return header;
  const pax = Buffer.from(records.join(''));
  return Buffer.concat([ustarHeader('PaxHeader', pax.length, 'x', mtime, 0o644), pax, tarPadding(pax.length), header]);
}

function readString(block: Buffer, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readNumber(block: Buffer, offset: number, length: number): number {
  // GNU tar writes sizes that do not fit in octal as big-endian base 256, flagged by the high bit.
  if ((block[offset]! & 0x80) !== 0) {
    let value = block[offset]! & 0x7f;
    for (let index = 1; index < length; index += 1) value = value * 256 + block[offset + index]!;
    return value;
  }
  const text = readString(block, offset, length).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function parsePax(data: Buffer): Record<string, string> {
  const values: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    const length = Number.parseInt(data.subarray(offset, space).toString('ascii'), 10);
    if (space === -1 || !Number.isSafeInteger(length) || length <= 0) throw new TarError('malformed pax header');
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    values[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return values;
}

/** Where one entry's data goes; `close` is called after its last byte. */
export interface TarSink {
  write(chunk: Buffer): Promise<void>;
  close(): Promise<void>;
}

export interface TarEntryInfo {
  path: string;
  size: number;
}

const ENTRY_TYPES: Record<string, string> = {
  '1': 'hard link',
  '2': 'symbolic link',
  '3': 'character device',
  '4': 'block device',
  '6': 'FIFO',
};

/**
 * Reads a tar stream, calling `open` for each regular file and feeding it the file's bytes.
 * Directory entries are skipped; links, devices and a missing end-of-archive are TarErrors.
 */
export async function readTar(source: AsyncIterable<Buffer>, open: (entry: TarEntryInfo) => Promise<TarSink>): Promise<void> {
  let header = Buffer.alloc(0);
  let position = 0;
  let ended = false;
  let body: { sink: TarSink; remaining: number; padding: number } | undefined;
  let nextPath: string | undefined;
  let nextSize: number | undefined;

  const collect = (done: (data: Buffer) => void): TarSink => {
    const chunks: Buffer[] = [];
    return {
      write: async (chunk) => void chunks.push(Buffer.from(chunk)),
      close: async () => done(Buffer.concat(chunks)),
    };
  };

  const startEntry = async (block: Buffer): Promise<void> => {
    if (block.every((byte) => byte === 0)) {
      ended = true;
      return;
    }
    let sum = 0;
    for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 0x20 : block[index]!;
    if (sum !== readNumber(block, 148, 8)) throw new TarError(`bad header checksum at byte ${position - BLOCK}`);

    const type = readString(block, 156, 1) || '0';
    const prefix = readString(block, 257, 6).startsWith('ustar') ? readString(block, 345, 155) : '';
    const name = readString(block, 0, 100);
    const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    const size = nextSize ?? readNumber(block, 124, 12);
    if (type !== 'x' && type !== 'L') {
      nextPath = undefined;
      nextSize = undefined;
    }
    if (!Number.isSafeInteger(size) || size < 0) throw new TarError(`bad size in the header of ${path}`);

    let sink: TarSink | undefined;
    switch (type) {
      case '0':
      case '7':
        sink = await open({ path, size });
        break;
      case 'x':
        if (size > 1 << 20) throw new TarError('oversized pax header');
        sink = collect((data) => {
          const values = parsePax(data);
          if (values.path !== undefined) nextPath = values.path;
          if (values.size !== undefined) nextSize = Number(values.size);
        });
        break;
      case 'L':
        if (size > 1 << 20) throw new TarError('oversized long name');
        sink = collect((data) => (nextPath = readString(data, 0, data.length)));
        break;
      case '5':
      case 'g':
        sink = collect(() => undefined);
        break;
      default:
        throw new TarError(`${path} is a ${ENTRY_TYPES[type] ?? `type ${type} entry`}, not a regular file`);
    }
    body = { sink, remaining: size, padding: tarPadding(size).length };
    if (size === 0) {
      await sink.close();
      body = undefined;
    }
  };

  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.length && !ended) {
      if (body) {
        const take = Math.min(body.remaining + body.padding, chunk.length - offset);
        const data = Math.min(take, body.remaining);
        if (data > 0) await body.sink.write(chunk.subarray(offset, offset + data));
        body.remaining -= data;
        body.padding -= take - data;
        offset += take;
        position += take;
        if (body.remaining === 0 && body.padding === 0) {
          const { sink } = body;
          body = undefined;
          await sink.close();
        }
        continue;
      }
      const take = Math.min(BLOCK - header.length, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      position += take;
      if (header.length === BLOCK) {
        const block = header;
        header = Buffer.alloc(0);
        await startEntry(block);
      }
    }
    // Whatever follows the end-of-archive block is padding: keep draining the source without looking.
  }
  if (!ended) throw new TarError(body ? 'truncated in the middle of a file' : 'truncated (no end-of-archive marker)');
}
