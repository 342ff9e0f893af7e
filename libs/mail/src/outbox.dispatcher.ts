import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { MailConfig } from '@dialogdag/config';
import { isDatabaseUnavailable } from '@dialogdag/database';
import { MailTransport } from './mail.transport';
import { ClaimedMessage, OutboxLeases } from './outbox.leases';

/** Messages claimed at once, and sent side by side (one SMTP connection each). */
const BATCH = 5;

/** On shutdown, sends about to finish may finish; the rest are abandoned after this long. */
const SHUTDOWN_WAIT_MS = 1000;

/** Recording a delivery is retried this often (0.5 s doubling: 7.5 s, well within a lease's margin). */
const RECORD_ATTEMPTS = 5;

// Unreferenced: a pause of the dispatcher never keeps a stopping process alive.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Delivers due outbox messages. A round claims a few messages with a lease (OutboxLeases: one short
 * statement, FOR UPDATE SKIP LOCKED), sends them outside any transaction, and records each result at
 * once, conditional on still holding the lease. A slow SMTP server thus holds no lock and no database
 * connection, several instances share the work, and a message whose holder crashed is taken up again
 * when its lease runs out. What remains: a crash (or a failed write) between the server accepting a
 * message and its being recorded as sent sends it once more, with the same Message-ID.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;
  private again = false;
  /** Every round under way, the background one and any a caller started, so shutdown can wait for them. */
  private readonly rounds = new Set<Promise<unknown>>();
  private closing = false;
  private readonly abandon = new AbortController();
  private databaseDown = false;

  constructor(
    private readonly leases: OutboxLeases,
    private readonly transport: MailTransport,
    private readonly config: MailConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.transport.enabled) return;
    this.timer = setInterval(() => this.nudge(), this.config.pollIntervalMs);
    this.timer.unref();
    this.nudge();
  }

  /** Claims nothing more; lets sends about to finish finish, abandons the rest and records them for a retry. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    this.closing = true;
    const under = Promise.allSettled([...this.rounds]);
    await Promise.race([under, sleep(SHUTDOWN_WAIT_MS)]);
    this.abandon.abort(new Error('The app is shutting down'));
    await under;
  }

  /** Ask for a delivery round soon (e.g. right after a transaction that enqueued mail committed). */
  nudge(): void {
    if (!this.transport.enabled || this.closing) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.deliverDue()
      .then((sent) => {
        if (this.databaseDown) this.logger.log('Outbox delivery resumed: the database answers again');
        this.databaseDown = false;
        return sent;
      })
      .catch((error) => {
        if (!isDatabaseUnavailable(error)) this.logger.error(`Outbox delivery round failed: ${reasonOf(error)}`);
        else if (!this.databaseDown) this.logger.warn(`Outbox delivery paused until the database answers: ${reasonOf(error)}`);
        this.databaseDown = this.databaseDown || isDatabaseUnavailable(error);
        return 0;
      })
      .finally(() => {
        this.running = null;
        if (this.again && this.timer) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Delivers everything due now; returns how many messages were sent. */
  async deliverDue(): Promise<number> {
    if (!this.transport.enabled) return 0;
    const round = this.deliverRounds();
    this.rounds.add(round);
    try {
      return await round;
    } finally {
      this.rounds.delete(round);
    }
  }

  private async deliverRounds(): Promise<number> {
    let sent = 0;
    while (!this.closing) {
      const claimed = await this.leases.claim(BATCH);
      const delivered = await Promise.all(claimed.map((message) => this.deliver(message)));
      sent += delivered.filter(Boolean).length;
      if (claimed.length < BATCH) break;
    }
    return sent;
  }

  private async deliver(message: ClaimedMessage): Promise<boolean> {
    try {
      await this.transport.send(
        {
          messageId: message.messageId,
          to: message.recipient,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          attachments: message.attachments,
        },
        this.abandon.signal,
      );
    } catch (error) {
      const reason = this.abandon.signal.aborted
        ? 'Abandoned at shutdown (the server may have accepted it; a retry keeps the Message-ID)'
        : reasonOf(error);
      // Unrecorded (the database is gone too), the lease runs out and the message is retried all the same.
      const next = await this.leases.recordFailure(message, reason).catch(() => null);
      this.logger.warn(`Mail ${message.id} (${message.kind}) not delivered${next ? `, attempt ${next.attempts}` : ''}: ${reason}`);
      return false;
    }
    await this.recordSent(message);
    return true;
  }

  /** A brief database outage must not make a delivered message go out again, so recording is retried. */
  private async recordSent(message: ClaimedMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await this.leases.recordSent(message))) {
          this.logger.warn(`Mail ${message.id} was delivered after its lease ran out and another delivery took it; it may arrive twice, with one Message-ID`);
        }
        return;
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS || this.closing) {
          this.logger.error(`Mail ${message.id} was delivered but not recorded as sent (${reasonOf(error)}); it goes out again, with the same Message-ID, when its lease runs out`);
          return;
        }
        await sleep(500 * 2 ** (attempt - 1));
      }
    }
  }
}
