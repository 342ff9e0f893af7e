import fc from 'fast-check';
import { afterFailedAttempt, bodyRetentionCutoff, LEASE_MARGIN_MS, leaseSeconds, MAX_ATTEMPTS, retryDelaySeconds } from './outbox.rules';

describe('outbox retry schedule', () => {
  it('waits 5 s after the first failure, doubling, until it waits 30 minutes', () => {
    expect([1, 2, 3, 4, 9, 10, 11, 19].map(retryDelaySeconds)).toEqual([5, 10, 20, 40, 1280, 1800, 1800, 1800]);
  });

  it('never waits less than 5 s or more than 30 minutes, and never less than the time before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (attempts) => {
        const delay = retryDelaySeconds(attempts);
        expect(delay).toBeGreaterThanOrEqual(5);
        expect(delay).toBeLessThanOrEqual(1800);
        expect(retryDelaySeconds(attempts + 1)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });

  it('gives up after the last allowed attempt, and schedules the next try otherwise', () => {
    const now = new Date('2030-10-20T09:00:00Z');
    expect(afterFailedAttempt(0, now)).toEqual({ attempts: 1, status: 'pending', nextAttemptAt: new Date('2030-10-20T09:00:05Z') });
    expect(afterFailedAttempt(MAX_ATTEMPTS - 2, now).status).toBe('pending');
    expect(afterFailedAttempt(MAX_ATTEMPTS - 1, now)).toMatchObject({ attempts: MAX_ATTEMPTS, status: 'failed' });
    // From first failure to giving up: hours, not minutes, so a mail server's restart is ridden out.
    let waited = 0;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) waited += retryDelaySeconds(attempts);
    expect(waited / 3600).toBeGreaterThan(4);
  });
});

describe('delivery leases', () => {
  it('outlast the longest send, so no instance takes over a message that is still being sent', () => {
    expect(leaseSeconds(60_000)).toBe(90);
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 600_000 }), (timeout) => {
        expect(leaseSeconds(timeout) * 1000).toBeGreaterThanOrEqual(timeout + LEASE_MARGIN_MS);
      }),
    );
  });
});

describe('body retention', () => {
  it('keeps bodies of the last OUTBOX_BODY_RETENTION_HOURS, and nothing beyond with 0', () => {
    const now = new Date('2030-10-20T09:00:00Z');
    expect(bodyRetentionCutoff(now, 168)).toEqual(new Date('2030-10-13T09:00:00Z'));
    expect(bodyRetentionCutoff(now, 0)).toEqual(now);
  });
});
