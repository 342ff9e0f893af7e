/**
 * How a batch of registrations for one conference is decided, once its seat lock is held: who is a
 * duplicate, who gets a seat, who queues, and at which places. Pure: the writer brings what the
 * database said (free seats; e-mails found registered after all) and carries out the answer.
 */

/** One request of a batch, in arrival order. */
export interface BatchEntry {
  /** The e-mail as compared for duplicates (see emailKey). */
  key: string;
  /** An active registration with this e-mail exists already (found by an earlier run of the batch). */
  taken: boolean;
  /** A walk-in: the organiser's adding them is the decision to let them in over capacity. */
  atTheDoor: boolean;
}

/**
 * An e-mail as the batch compares it: ASCII letters lower-cased, as PostgreSQL's lower() does in every
 * locale. Where lower() folds more (other letters, in a UTF-8 database), the unique index finds the
 * duplicate at the insert instead (see settleInsert).
 */
export function emailKey(email: string): string {
  return email.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

export type Allocation = { kind: 'duplicate' } | { kind: 'confirmed'; overCapacity: boolean } | { kind: 'waitlisted' };

/**
 * In arrival order: an e-mail already taken, or already used earlier in the batch, is a duplicate; the
 * others take free seats while there are any, then walk-ins go in over capacity and everyone else queues.
 */
export function allocateBatch(entries: readonly BatchEntry[], seatsFree: number): Allocation[] {
  const seen = new Set<string>();
  let free = Math.max(0, seatsFree);
  return entries.map((entry): Allocation => {
    if (entry.taken || seen.has(entry.key)) return { kind: 'duplicate' };
    seen.add(entry.key);
    if (free > 0) {
      free--;
      return { kind: 'confirmed', overCapacity: false };
    }
    return entry.atTheDoor ? { kind: 'confirmed', overCapacity: true } : { kind: 'waitlisted' };
  });
}

export interface SeatsTaken {
  withinCapacity: number;
  overCapacity: number;
}

export function seatsTaken(allocation: readonly Allocation[]): SeatsTaken {
  let withinCapacity = 0;
  let overCapacity = 0;
  for (const a of allocation) {
    if (a.kind === 'confirmed') {
      if (a.overCapacity) overCapacity++;
      else withinCapacity++;
    }
  }
  return { withinCapacity, overCapacity };
}

/**
 * Each waitlisted request's rank among the batch's waitlisted, in arrival order (1, 2, …): the insert
 * gives the k-th smallest waiting-list order it draws to rank k. Null for everyone else.
 */
export function waitlistRanks(allocation: readonly Allocation[]): Array<number | null> {
  let rank = 0;
  return allocation.map((a) => (a.kind === 'waitlisted' ? ++rank : null));
}

/**
 * Places in the queue (1 = its head) of the batch's waitlisted, who come after the `waitlistedBefore`
 * already queued (all of them drew their order earlier, under the same lock). Null for everyone else.
 */
export function waitlistPositions(allocation: readonly Allocation[], waitlistedBefore: number): Array<number | null> {
  let place = waitlistedBefore;
  return allocation.map((a) => (a.kind === 'waitlisted' ? ++place : null));
}

/**
 * After the insert (ON CONFLICT DO NOTHING), `inserted[i]` says whether entry i's row went in: a row
 * that did not found the e-mail taken after all, so it is a duplicate. If such a row had been given a
 * seat while someone later in the batch queues, the batch must be decided again (`rerun`) with that
 * e-mail counted as taken, or a seat would stay free with people waiting.
 */
export function settleInsert(allocation: readonly Allocation[], inserted: readonly boolean[]): { allocation: Allocation[]; rerun: boolean } {
  let seatLost = false;
  let queued = false;
  const settled = allocation.map((a, i): Allocation => {
    if (a.kind === 'duplicate') return a;
    if (!inserted[i]) {
      if (a.kind === 'confirmed' && !a.overCapacity) seatLost = true;
      return { kind: 'duplicate' };
    }
    if (a.kind === 'waitlisted') queued = true;
    return a;
  });
  return { allocation: settled, rerun: seatLost && queued };
}
