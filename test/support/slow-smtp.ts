import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from '@dialogdag/database';

/**
 * A real SMTP server that takes `delayMs` to answer each message, as an overloaded or throttling server
 * does. It notes every message as it arrives (`arrived`, by Message-ID) and accepts it only if the client
 * is still connected when the delay is over (`accepted`): a client that gave up gets no 250.
 */
export class SlowSmtpServer {
  readonly arrived: string[] = [];
  readonly accepted: string[] = [];
  private readonly closedSessions = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server?: SMTPServer;
  port = 0;

  constructor(private readonly delayMs: number) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Longer than any delay here: the server must not be the one that gives up.
      socketTimeout: 120_000,
      onClose: (session) => this.closedSessions.add(session.id),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const messageId = mail.messageId ?? '';
            this.arrived.push(messageId);
            const timer = setTimeout(() => {
              this.timers.delete(timer);
              if (this.closedSessions.has(session.id)) return;
              this.accepted.push(messageId);
              callback();
            }, this.delayMs);
            this.timers.add(timer);
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (!this.server) return;
    const server = this.server;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Waits until `count` messages have arrived (not necessarily been accepted). */
  async waitForArrivals(count: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.arrived.length < count) {
      if (Date.now() > deadline) throw new Error(`Expected ${count} message(s) to arrive, got ${this.arrived.length}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
