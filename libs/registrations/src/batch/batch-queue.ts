/** What a batch answers for one of its items. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Called by a writer once its batch can no longer change (its decision is made, its commit is on its way):
 * the next batch of the key may then start and queue behind it in the database. Calling it again does nothing.
 */
export type HandOver = () => void;

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
  /** Batches handed to `write` and not yet answered: at most two, and then the older has handed over. */
  inFlight: number;
  /** A batch in flight that has not handed over: until it does, the next one waits. */
  deciding: boolean;
  /** The next batch's start is scheduled (after gatherMs, or at the end of this turn of the event loop). */
  scheduled: boolean;
}

/** One batch deciding and one committing: more would only queue in the database, in smaller batches. */
const MAX_IN_FLIGHT = 2;

/**
 * Gathers items per key (a conference) and hands them to `write` in batches, in arrival order; each submitter
 * gets its own item's answer. One batch per key decides at a time: the next starts when it hands over (see
 * HandOver), so the next batch's first statements overlap the commit of the one before it rather than waiting
 * for its answers. A way of sharing work in this process only: what makes batches from several processes, and
 * the two in flight here, safe and ordered is the database lock `write` takes.
 */
export class BatchQueue<T, R> {
  private readonly lanes = new Map<string, Lane<T, R>>();
  private readonly drained: Array<() => void> = [];

  constructor(
    private readonly write: (key: string, items: T[], handOver: HandOver) => Promise<Array<Settled<R>>>,
    private readonly options: BatchQueueOptions,
  ) {}

  submit(key: string, item: T): Promise<R> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { waiting: [], inFlight: 0, deciding: false, scheduled: false };
      this.lanes.set(key, lane);
    }
    const answer = new Promise<R>((resolve, reject) => lane.waiting.push({ item, resolve, reject }));
    this.schedule(key, lane, lane.inFlight === 0 ? this.options.gatherMs : 0);
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

  /** Starts the lane's next batch soon, if one may start and there is anything to write. */
  private schedule(key: string, lane: Lane<T, R>, delayMs: number): void {
    if (lane.scheduled || lane.deciding || lane.inFlight >= MAX_IN_FLIGHT || lane.waiting.length === 0) return;
    lane.scheduled = true;
    const go = () => {
      lane.scheduled = false;
      this.start(key, lane);
    };
    if (delayMs > 0) setTimeout(go, delayMs);
    else setImmediate(go);
  }

  private start(key: string, lane: Lane<T, R>): void {
    if (lane.deciding || lane.inFlight >= MAX_IN_FLIGHT || lane.waiting.length === 0) return this.forgetIfDone(key, lane);
    const batch = lane.waiting.splice(0, this.options.maxBatch);
    lane.inFlight++;
    lane.deciding = true;
    let handedOver = false;
    const handOver = () => {
      if (handedOver) return;
      handedOver = true;
      lane.deciding = false;
      this.schedule(key, lane, 0);
    };
    void this.writeAndAnswer(key, batch, handOver).finally(() => {
      lane.inFlight--;
      handOver();
      this.schedule(key, lane, 0);
      this.forgetIfDone(key, lane);
    });
  }

  private async writeAndAnswer(key: string, batch: Array<Waiting<T, R>>, handOver: HandOver): Promise<void> {
    try {
      const answers = await this.write(
        key,
        batch.map((w) => w.item),
        handOver,
      );
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

  private forgetIfDone(key: string, lane: Lane<T, R>): void {
    if (lane.inFlight > 0 || lane.scheduled || lane.waiting.length > 0 || this.lanes.get(key) !== lane) return;
    this.lanes.delete(key);
    if (this.lanes.size === 0) this.drained.splice(0).forEach((resolve) => resolve());
  }
}
