import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  it('runs once at start, never two rounds at once, and reports a failed round instead of throwing', async () => {
    let rounds = 0;
    let release: () => void = () => undefined;
    const errors: unknown[] = [];
    const task = new PeriodicTask({
      everyMs: 3_600_000,
      run: () => {
        rounds += 1;
        if (rounds === 2) return Promise.reject(new Error('database away'));
        return new Promise<void>((resolve) => (release = resolve));
      },
      onError: (error) => errors.push(error),
    });
    task.start();
    expect(rounds).toBe(1);
    const again = task.runOnce();
    expect(rounds).toBe(1); // the first round is still under way
    release();
    await again;
    await task.runOnce();
    expect(rounds).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
    await task.stop();
  });
});
