/**
 * The skeleton of a background job that every instance runs on a timer (retention jobs): once at start,
 * then every `everyMs`, never two rounds of one job at once in this process (a slow round makes the next
 * wait, instead of piling up), and a failed round reported, not thrown: the next one tries again. That
 * several instances run it together is for the job's own SQL to allow (an idempotent UPDATE, SKIP LOCKED).
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;

  constructor(
    private readonly options: {
      everyMs: number;
      run: () => Promise<unknown>;
      onError: (error: unknown) => void;
    },
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.options.everyMs);
    this.timer.unref();
    void this.runOnce();
  }

  /** Stops the timer and waits for a round under way, so shutting down never cuts one off mid-transaction. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One round now, unless one is already under way (then that one is awaited). */
  runOnce(): Promise<void> {
    this.running ??= this.options
      .run()
      .then(() => undefined)
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
