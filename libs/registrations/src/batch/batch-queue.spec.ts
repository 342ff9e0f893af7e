import fc from 'fast-check';
import { BatchQueue, Settled } from './batch-queue';

/** A writer that records its batches and answers each item with itself doubled, or refuses odd ones when told to. */
function recordingWriter(options: { refuseOdd?: boolean; delayMs?: number; throwOn?: number } = {}) {
  const batches: Array<{ key: string; items: number[] }> = [];
  let running = 0;
  let maxRunningPerKey = 0;
  const write = async (key: string, items: number[]): Promise<Array<Settled<number>>> => {
    running++;
    maxRunningPerKey = Math.max(maxRunningPerKey, running);
    batches.push({ key, items });
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 1));
    running--;
    if (options.throwOn !== undefined && items.includes(options.throwOn)) throw new Error('the whole batch failed');
    return items.map((n) => (options.refuseOdd && n % 2 === 1 ? { ok: false, error: new Error(`odd ${n}`) } : { ok: true, value: n * 2 }));
  };
  return { write, batches, maxRunning: () => maxRunningPerKey };
}

describe('BatchQueue', () => {
  it('answers every item with its own answer, once, whatever the batches were', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(1000), { maxLength: 200 }), fc.integer({ min: 1, max: 50 }), async (items, maxBatch) => {
        const writer = recordingWriter({ refuseOdd: true });
        const queue = new BatchQueue(writer.write, { maxBatch, gatherMs: 0 });
        const answers = await Promise.allSettled(items.map((n) => queue.submit('c', n)));
        answers.forEach((answer, i) => {
          if (items[i] % 2 === 1) expect(answer).toEqual({ status: 'rejected', reason: new Error(`odd ${items[i]}`) });
          else expect(answer).toEqual({ status: 'fulfilled', value: items[i] * 2 });
        });
        // Each item was written exactly once, in arrival order, in batches no bigger than maxBatch.
        expect(writer.batches.flatMap((b) => b.items)).toEqual(items);
        for (const b of writer.batches) expect(b.items.length).toBeLessThanOrEqual(maxBatch);
      }),
      { numRuns: 30 },
    );
  });

  it('gathers what arrives while a batch is written into the next one, and writes one batch per key at a time', async () => {
    const writer = recordingWriter({ delayMs: 20 });
    const queue = new BatchQueue(writer.write, { maxBatch: 100, gatherMs: 0 });
    const first = queue.submit('c', 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = Array.from({ length: 10 }, (_, i) => queue.submit('c', 10 + i));
    expect(queue.waiting()).toBe(10);
    await Promise.all([first, ...later]);
    expect(writer.batches.map((b) => b.items.length)).toEqual([1, 10]);
    expect(writer.maxRunning()).toBe(1);
  });

  it('writes batches of different keys side by side', async () => {
    const writer = recordingWriter({ delayMs: 20 });
    const queue = new BatchQueue(writer.write, { maxBatch: 100, gatherMs: 0 });
    await Promise.all([queue.submit('a', 1), queue.submit('b', 2), queue.submit('a', 3)]);
    expect(writer.batches).toEqual([{ key: 'a', items: [1, 3] }, { key: 'b', items: [2] }]);
    expect(writer.maxRunning()).toBe(2);
  });

  it('waits gatherMs for company when idle', async () => {
    const writer = recordingWriter();
    const queue = new BatchQueue(writer.write, { maxBatch: 100, gatherMs: 15 });
    const first = queue.submit('c', 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, queue.submit('c', 2)]);
    expect(writer.batches).toEqual([{ key: 'c', items: [1, 2] }]);
  });

  it('a writer that fails as a whole fails its batch only; the queue goes on', async () => {
    const writer = recordingWriter({ throwOn: 1 });
    const queue = new BatchQueue(writer.write, { maxBatch: 100, gatherMs: 0 });
    const failed = await Promise.allSettled([queue.submit('c', 1), queue.submit('c', 2)]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    await expect(queue.submit('c', 4)).resolves.toBe(8);
  });

  it('idle() waits for every batch in progress', async () => {
    const writer = recordingWriter({ delayMs: 10 });
    const queue = new BatchQueue(writer.write, { maxBatch: 100, gatherMs: 0 });
    await queue.idle();
    let done = false;
    void queue.submit('c', 1).then(() => (done = true));
    await queue.idle();
    expect(done).toBe(true);
  });
});

describe('BatchQueue hand-over', () => {
  /** A writer that hands over after `decideMs` and answers after `commitMs` more, recording what overlapped. */
  function handingWriter(decideMs: number, commitMs: number) {
    const batches: number[][] = [];
    let inFlight = 0;
    let deciding = 0;
    let maxInFlight = 0;
    let maxDeciding = 0;
    const write = async (_key: string, items: number[], handOver: () => void): Promise<Array<Settled<number>>> => {
      batches.push(items);
      inFlight++;
      deciding++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      maxDeciding = Math.max(maxDeciding, deciding);
      await new Promise((resolve) => setTimeout(resolve, decideMs));
      deciding--;
      handOver();
      handOver();
      await new Promise((resolve) => setTimeout(resolve, commitMs));
      inFlight--;
      return items.map((n) => ({ ok: true, value: n }));
    };
    return { write, batches, maxInFlight: () => maxInFlight, maxDeciding: () => maxDeciding };
  }

  it('starts the next batch when the one before hands over: two in flight at most, one deciding, items in order', async () => {
    const writer = handingWriter(5, 15);
    const queue = new BatchQueue(writer.write, { maxBatch: 100, gatherMs: 0 });
    const submitted: Array<Promise<number>> = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 5; i++) submitted.push(queue.submit('c', round * 5 + i));
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    expect(await Promise.all(submitted)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(writer.batches.flat()).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(writer.maxInFlight()).toBe(2);
    expect(writer.maxDeciding()).toBe(1);
    await queue.idle();
  });

  it('a writer that never hands over still lets the next batch go when it is done', async () => {
    const writer = recordingWriter({ delayMs: 5 });
    const queue = new BatchQueue((key: string, items: number[]) => writer.write(key, items), { maxBatch: 2, gatherMs: 0 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => queue.submit('c', n)))).toEqual([2, 4, 6, 8, 10]);
    expect(writer.batches.map((b) => b.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(writer.maxRunning()).toBe(1);
  });
});
