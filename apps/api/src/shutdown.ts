import type { INestApplication } from '@nestjs/common';
import type { RunningDatabase } from '@dialogdag/database';
import { drainOf } from './drain';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** A signal this long after the first is a person asking again. */
const REPEAT_AFTER_MS = 1000;

/**
 * Ctrl-C, SIGTERM (a supervisor, `docker stop`) and SIGHUP (the terminal closed) all stop the app the same
 * way: no new requests, the ones under way answered (up to SHUTDOWN_GRACE_MS), then background work, then
 * the database connections, then the embedded PostgreSQL, which runs in a process group of its own and so
 * never sees the terminal's Ctrl-C. Handled from the first moment: a signal while the app is still starting
 * exits at once, and the exit handler stops the embedded PostgreSQL if it already runs.
 */
export class Shutdown {
  private running: { app: INestApplication; database: RunningDatabase; graceMs: number } | null = null;
  private stoppingSince: number | null = null;

  constructor() {
    for (const signal of SIGNALS) process.on(signal, () => void this.stop(signal));
  }

  /** From now on a signal drains the app before stopping it. */
  serving(app: INestApplication, database: RunningDatabase, graceMs: number): void {
    this.running = { app, database, graceMs };
  }

  private async stop(signal: string): Promise<void> {
    const running = this.running;
    if (!running) {
      console.log(`${signal} while starting: stopping.`);
      process.exit(0);
    }
    const drain = drainOf(running.app);
    if (this.stoppingSince !== null) {
      // Asked again (a second Ctrl-C): stop waiting for the requests under way. Not for an echo of the
      // first, such as one signal sent both to the process group and to the process.
      if (Date.now() - this.stoppingSince >= REPEAT_AFTER_MS) drain.hurry();
      return;
    }
    this.stoppingSince = Date.now();
    console.log(`${signal}: answering the requests under way (up to ${running.graceMs / 1000} s), then shutting down …`);
    // Whatever hangs, the app ends; the exit handler then stops the embedded PostgreSQL.
    setTimeout(() => {
      console.error('Shutdown did not finish in time; exiting.');
      process.exit(1);
    }, running.graceMs + 30_000).unref();
    const unanswered = await drain.drain(running.graceMs);
    if (unanswered > 0) console.error(`${unanswered} requests were still unanswered after ${running.graceMs} ms (SHUTDOWN_GRACE_MS); their connections were closed.`);
    // The mail dispatcher abandons a send in flight here; the database connections close last.
    await running.app.close().catch((error) => console.error(error));
    await running.database.stop().catch((error) => console.error(error));
    process.exit(0);
  }
}
