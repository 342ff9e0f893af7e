import fc from 'fast-check';
import { allocateBatch, Allocation, BatchEntry, emailKey, seatsTaken, settleInsert, waitlistPositions, waitlistRanks } from './batch.rules';

/** Batches with repeated e-mails (few distinct keys), taken e-mails and walk-ins, and any number of free seats. */
const entry = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), taken: fc.boolean(), atTheDoor: fc.boolean() });
const batch = fc.array(entry, { maxLength: 40 });
const seats = fc.integer({ min: -3, max: 50 });
const publicEntry = (key: string): BatchEntry => ({ key, taken: false, atTheDoor: false });

const isSeat = (a: Allocation) => a.kind === 'confirmed' && !a.overCapacity;

describe('allocateBatch', () => {
  it('gives every request exactly one answer, in its place', () => {
    fc.assert(
      fc.property(batch, seats, (entries, free) => {
        const allocation = allocateBatch(entries, free);
        expect(allocation).toHaveLength(entries.length);
        for (const a of allocation) expect(['duplicate', 'confirmed', 'waitlisted']).toContain(a.kind);
      }),
    );
  });

  it('never confirms more within capacity than there are free seats, and queues nobody while one is free', () => {
    fc.assert(
      fc.property(batch, seats, (entries, free) => {
        const allocation = allocateBatch(entries, free);
        const { withinCapacity } = seatsTaken(allocation);
        expect(withinCapacity).toBeLessThanOrEqual(Math.max(0, free));
        if (allocation.some((a) => a.kind === 'waitlisted')) expect(withinCapacity).toBe(Math.max(0, free));
      }),
    );
  });

  it('hands seats out in arrival order: no one queued or let in over capacity ahead of someone given a seat', () => {
    fc.assert(
      fc.property(batch, seats, (entries, free) => {
        const allocation = allocateBatch(entries, free);
        const lastSeat = allocation.map(isSeat).lastIndexOf(true);
        allocation.slice(0, Math.max(0, lastSeat)).forEach((a) => expect(a.kind === 'waitlisted' || (a.kind === 'confirmed' && a.overCapacity)).toBe(false));
      }),
    );
  });

  it('refuses exactly the e-mails already taken or used earlier in the batch; the first of a repeated e-mail stands', () => {
    fc.assert(
      fc.property(batch, seats, (entries, free) => {
        const allocation = allocateBatch(entries, free);
        entries.forEach((e, i) => {
          const earlier = entries.slice(0, i).some((o) => o.key === e.key && !o.taken);
          expect(allocation[i].kind === 'duplicate').toBe(e.taken || earlier);
        });
        const admitted = entries.filter((_, i) => allocation[i].kind !== 'duplicate').map((e) => e.key);
        expect(new Set(admitted).size).toBe(admitted.length);
      }),
    );
  });

  it('lets only walk-ins in over capacity, and only once the seats are gone; everyone else queues', () => {
    fc.assert(
      fc.property(batch, seats, (entries, free) => {
        const allocation = allocateBatch(entries, free);
        allocation.forEach((a, i) => {
          if (a.kind === 'confirmed' && a.overCapacity) expect(entries[i].atTheDoor).toBe(true);
          if (a.kind === 'waitlisted') expect(entries[i].atTheDoor).toBe(false);
        });
      }),
    );
  });

  it('a batch of five for two seats: the first two confirmed, the rest queued in order', () => {
    const allocation = allocateBatch(['p', 'q', 'r', 's', 't'].map(publicEntry), 2);
    expect(allocation.map((a) => a.kind)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);
    expect(waitlistPositions(allocation, 7)).toEqual([null, null, 8, 9, 10]);
  });

  it('a repeated e-mail in one batch: the later one is the duplicate, and does not use up a seat', () => {
    const allocation = allocateBatch([publicEntry('p'), publicEntry('p'), publicEntry('q')], 2);
    expect(allocation.map((a) => a.kind)).toEqual(['confirmed', 'duplicate', 'confirmed']);
  });
});

describe('the waiting list of a batch', () => {
  it('keeps arrival order: consecutive places after those already queued, and ranks 1, 2, … for the orders the insert draws', () => {
    fc.assert(
      fc.property(batch, seats, fc.nat(1000), (entries, free, before) => {
        const allocation = allocateBatch(entries, free);
        const waitlisted = allocation.filter((a) => a.kind === 'waitlisted').length;
        const positions = waitlistPositions(allocation, before);
        const ranks = waitlistRanks(allocation);
        allocation.forEach((a, i) => {
          expect(positions[i] === null).toBe(a.kind !== 'waitlisted');
          expect(ranks[i] === null).toBe(a.kind !== 'waitlisted');
        });
        expect(positions.filter((p) => p !== null)).toEqual(Array.from({ length: waitlisted }, (_, i) => before + i + 1));
        expect(ranks.filter((r) => r !== null)).toEqual(Array.from({ length: waitlisted }, (_, i) => i + 1));
      }),
    );
  });
});

describe('emailKey', () => {
  it('folds ASCII letters as lower() does in every locale, and leaves the rest to the database', () => {
    fc.assert(
      fc.property(fc.string(), (email) => {
        const key = emailKey(email);
        expect(emailKey(key)).toBe(key);
        expect(key.length).toBe(email.length);
        for (let i = 0; i < email.length; i++) {
          const c = email[i];
          expect(key[i]).toBe(c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);
        }
      }),
    );
    expect(emailKey('Amina.Hassan@Example.ORG')).toBe('amina.hassan@example.org');
    expect(emailKey('ÅSA@example.org')).toBe('Åsa@example.org');
  });
});

describe('settleInsert', () => {
  it('turns rows the database refused into duplicates, and asks for a rerun exactly when a seat would stay free with someone queued', () => {
    fc.assert(
      // The database refuses a row when its e-mail turns out to be registered: by e-mail, not by request.
      fc.property(batch, seats, fc.subarray(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']), (entries, free, registeredMeanwhile) => {
        const allocation = allocateBatch(entries, free);
        const inserted = allocation.map((a, i) => a.kind !== 'duplicate' && !registeredMeanwhile.includes(entries[i].key));
        const { allocation: settled, rerun } = settleInsert(allocation, inserted);
        settled.forEach((a, i) => expect(a.kind === 'duplicate').toBe(!inserted[i]));
        const seatLost = allocation.some((a, i) => isSeat(a) && !inserted[i]);
        expect(rerun).toBe(seatLost && settled.some((a) => a.kind === 'waitlisted'));
        if (!rerun) {
          // What stands is itself a valid answer: nobody waits while a seat this batch held back is free.
          if (settled.some((a) => a.kind === 'waitlisted')) expect(seatsTaken(settled).withinCapacity).toBe(Math.max(0, free));
        } else {
          // Decided again with those e-mails taken, nothing else is refused and the seats go in arrival order.
          const again = allocateBatch(entries.map((e) => ({ ...e, taken: e.taken || registeredMeanwhile.includes(e.key) })), free);
          expect(settleInsert(again, again.map((a) => a.kind !== 'duplicate')).rerun).toBe(false);
          expect(again.map((a) => a.kind === 'duplicate')).toEqual(settled.map((a) => a.kind === 'duplicate'));
        }
      }),
    );
  });
});
