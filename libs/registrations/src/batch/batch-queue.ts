/** What a batch answers for one of its items. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface BatchQueueOptions {
  /** Items in one batch at most; the rest wait for the next. */
  maxBatch: number;
  /**
   * How long the first item of an idle queue waits for company, in ms. 0: until the current turn of the
   * event loop is done (requests that arrived together go together). Under load no wait is needed:
   * items gather by themselves while the batch before them is being written.
   */
  gatherMs: number;
}

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<T, R> {
  waiting: Array<Waiting<T, R>>;
  /** A batch is being written, or one is scheduled. */
  busy: boolean;
}

/**
 * Gathers items per key (a conference) and hands them to `write` in batches, one batch per key at a
 * time, in arrival order; each submitter gets its own item's answer. A way of sharing work in this
 * process only: what makes batches from several processes safe is the database lock `write` takes.
 */
export class BatchQueue<T, R> {
  private readonly lanes = new Map<string, Lane<T, R>>();
  private readonly drained: Array<() => void> = [];

  constructor(
    private readonly write: (key: string, items: T[]) => Promise<Array<Settled<R>>>,
    private readonly options: BatchQueueOptions,
  ) {}

  submit(key: string, item: T): Promise<R> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { waiting: [], busy: false };
      this.lanes.set(key, lane);
    }
    const answer = new Promise<R>((resolve, reject) => lane.waiting.push({ item, resolve, reject }));
    if (!lane.busy) {
      lane.busy = true;
      const go = () => void this.run(key, lane);
      if (this.options.gatherMs > 0) setTimeout(go, this.options.gatherMs);
      else setImmediate(go);
    }
    return answer;
  }

  /** Items waiting for a batch (not yet handed to `write`), over all keys. */
  waiting(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.waiting.length;
    return n;
  }

  /** Resolves once nothing is waiting or being written (for a clean shutdown). */
  idle(): Promise<void> {
    if (this.lanes.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private async run(key: string, lane: Lane<T, R>): Promise<void> {
    while (lane.waiting.length > 0) {
      const batch = lane.waiting.splice(0, this.options.maxBatch);
      try {
        const answers = await this.write(key, batch.map((w) => w.item));
        batch.forEach((w, i) => {
          const answer = answers[i];
          if (!answer) w.reject(new Error('the batch writer gave no answer for this item'));
          else if (answer.ok) w.resolve(answer.value);
          else w.reject(answer.error);
        });
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    lane.busy = false;
    this.lanes.delete(key);
    if (this.lanes.size === 0) this.drained.splice(0).forEach((resolve) => resolve());
  }
}
