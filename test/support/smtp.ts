import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@dialogdag/database';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  attachments: Array<{ filename?: string; contentType: string; content: Buffer }>;
}

/** A real SMTP server in the test process that keeps what it receives. */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port?: number): Promise<void> {
    this.port = port ?? (this.port || (await freePort()));
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
            this.received.push({
              to,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
              attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Waits until `count` messages match, then returns them. */
  async waitFor(predicate: (mail: ReceivedMail) => boolean, count = 1, timeoutMs = 15000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) throw new Error(`Expected ${count} matching e-mail(s), got ${found.length} of ${this.received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** The personal link in a mail body. */
export function personalLink(mail: ReceivedMail): string {
  const match = /https?:\/\/\S+\/r\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!match) throw new Error(`No personal link in: ${mail.text}`);
  return match[0];
}
