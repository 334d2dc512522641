import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait.ts';

export interface ReceivedMail {
  /** Envelope addresses, as the SMTP session gave them. */
  from: string;
  to: string[];
  /** Decoded headers and text. */
  subject: string;
  replyTo: string;
  text: string;
  /** The HTML part as sent ('' when the message has none). */
  html: string;
  /** Attached files, their content decoded as UTF-8 text. */
  attachments: { filename: string; contentType: string; content: string }[];
}

export interface SmtpSink {
  port: number;
  mails: ReceivedMail[];
  /** Waits for a mail to `to` whose subject or text matches, and returns it. */
  waitForMail(to: string, match?: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  /** Refuses (550) every mail to these addresses until told otherwise, as a relay that is down for them. */
  refused: Set<string>;
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps every message it is given (no TLS, no auth). */
export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(
        refused.has(address.address)
          ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
          : undefined,
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            mails.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              replyTo: parsed.replyTo?.text ?? '',
              text: parsed.text ?? '',
              html: parsed.html === false ? '' : parsed.html,
              attachments: parsed.attachments.map((file) => ({
                filename: file.filename ?? '',
                contentType: file.contentType,
                content: file.content.toString('utf8'),
              })),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
  // A client hanging up mid-conversation (a mailer's pooled connection reset while 500 registrations
  // rush in, or the CMS stopping) is not the sink's failure; unlistened, smtp-server's 'error' event
  // would end the whole test process.
  server.on('error', () => undefined);
  return {
    port,
    mails,
    refused,
    waitForMail: (to, match = /./, timeoutMs = 30_000) =>
      waitFor(
        `an e-mail to ${to} matching ${match}`,
        () => mails.find((mail) => mail.to.includes(to) && (match.test(mail.subject) || match.test(mail.text))),
        { timeoutMs },
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
