import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the first response line, or undefined when the server closed without one. */
  status: number | undefined;
  /** The server neither answered nor closed within the time allowed. */
  timedOut: boolean;
}

/**
 * Sends `bytes` as they are on a fresh connection (no client library to tidy them up) and reads
 * until the server closes or `timeoutMs` passes.
 */
export function rawRequest(port: number, bytes: Buffer, timeoutMs = 5_000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, timeoutMs);
    // Not half-closed after writing: Node's server drops a request whose client sent FIN before the answer.
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const head = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: match ? Number(match[1]) : undefined, timedOut });
    });
  });
}

export { seededRandom } from '@clermontech/config';
