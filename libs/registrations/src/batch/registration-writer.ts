import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, conferenceNotFound, ConferencesService, publishedConferenceNotFound, seatsLeft } from '@dialogdag/conferences';
import { BookTablesService } from '../book-tables/book-tables.service';
import { alreadyRegistered, registrationClosed, registrationNotOpenYet } from '../registration.errors';
import { Registration } from '../registration.entity';
import { RegisteredMail, RegistrationMail } from '../registration-mail';
import { registrationWindow } from '../registration.rules';
import { BatchQueue, HandOver, Settled } from './batch-queue';
import { allocateBatch, emailKey, seatsTaken, settleInsert, waitlistPositions, waitlistRanks } from './batch.rules';
import { insertRegistrations } from './batch.sql';

/** The conference a registration is for: by id, or (public requests) by the slug of a published one, read under the lock. */
export type ConferenceTarget = { id: string } | { publishedSlug: string };

/** A registration waiting for its batch: the row as far as it is known before the lock, and what the batch must decide. */
export interface PendingRegistration {
  target: ConferenceTarget;
  /** Everything but what the batch decides: conference, status, seat and queue columns. */
  registration: Registration;
  manageToken: string;
  /** Public requests: refused outside the registration window, judged under the lock at `registration.createdAt`. */
  checkWindow: boolean;
  /** A walk-in: confirmed over capacity when no seat is free. */
  atTheDoor: boolean;
  /** The book table asked for, already checked against the conference's offer. */
  bookTable: string | null;
}

export interface WrittenRegistration {
  registration: Registration;
  manageToken: string;
  waitlistPosition: number | null;
  overCapacity: boolean;
}

/** Big enough that 64 clients per instance always fit in one batch; small enough to keep a batch's lock short. */
const MAX_BATCH = 200;
/** Reruns of a batch whose insert met an e-mail registered already (see settleInsert); then each goes alone. */
const MAX_RERUNS = 2;

/** What a transaction decided: run again with these e-mails taken, or the answers. */
type Decided = { rerun: Set<string> } | { answers: Array<Settled<WrittenRegistration>>; mailed: boolean };

/**
 * Group commit of registrations. Requests for one conference gather while the batch before them is being
 * written; then one transaction takes the conference's seat lock once, refuses repeated e-mails, seats as
 * many as fit in arrival order and queues the rest, writes every row and e-mail with one statement each,
 * and commits once. Each request is answered after that commit (synchronous_commit stays on: a 201 is
 * durable). Several instances each batch their own requests; the lock orders their batches.
 */
@Injectable()
export class RegistrationWriter implements BeforeApplicationShutdown {
  private readonly queue = new BatchQueue<PendingRegistration, WrittenRegistration>((_, batch, handOver) => this.write(batch, handOver), { maxBatch: MAX_BATCH, gatherMs: 0 });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly mail: RegistrationMail,
    private readonly bookTables: BookTablesService,
  ) {}

  submit(pending: PendingRegistration): Promise<WrittenRegistration> {
    return this.queue.submit(keyOf(pending.target), pending);
  }

  /** Requests gathered for their conference's next batch (for tests and diagnostics). */
  waiting(): number {
    return this.queue.waiting();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.race([this.queue.idle(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  }

  /** A batch, and if it fails as a whole, each of its requests alone: one bad row must not fail the others. */
  private async write(batch: PendingRegistration[], handOver: HandOver): Promise<Array<Settled<WrittenRegistration>>> {
    try {
      return await this.writeBatch(batch, handOver);
    } catch (error) {
      if (batch.length === 1) return [{ ok: false, error }];
      const answers: Array<Settled<WrittenRegistration>> = [];
      // Alone and in order; the next batch waits until all of them are written, so none of it goes before them.
      for (const pending of batch) answers.push(...(await this.write([pending], () => undefined)));
      return answers;
    }
  }

  private async writeBatch(batch: PendingRegistration[], handOver: HandOver): Promise<Array<Settled<WrittenRegistration>>> {
    const taken = new Set<string>();
    for (let attempt = 0; ; attempt++) {
      const decided = await this.inTransaction((manager) => this.decide(manager, batch, taken), handOver);
      if ('answers' in decided) {
        if (decided.mailed) this.mail.sendSoon();
        return decided.answers;
      }
      if (attempt >= MAX_RERUNS) throw new Error('registration batch kept meeting e-mails registered meanwhile');
      decided.rerun.forEach((key) => taken.add(key));
    }
  }

  /**
   * Commits what `work` did unless it asks for a rerun; rolls back on a rerun or an error. Just before the commit
   * the next batch may start: its lock request queues behind this commit in PostgreSQL, so it goes on the moment
   * the seats are committed, and after them (a rerun does not hand over: the batch must decide again first). A
   * batch whose COMMIT itself fails (the connection lost) has handed over: retried one by one, its requests
   * then go after the next batch.
   */
  private async inTransaction(work: (manager: EntityManager) => Promise<Decided>, handOver: HandOver): Promise<Decided> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const decided = await work(runner.manager);
      if ('rerun' in decided) await runner.rollbackTransaction();
      else {
        handOver();
        await runner.commitTransaction();
      }
      return decided;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Everything between the lock and the commit. `taken`: e-mails (as compared) a previous run found registered already. */
  private async decide(manager: EntityManager, batch: PendingRegistration[], taken: ReadonlySet<string>): Promise<Decided> {
    const target = batch[0].target;
    const conference = await this.conferences.lockSeatsForBatch(manager, target);
    if (!conference) {
      const error = 'id' in target ? conferenceNotFound() : publishedConferenceNotFound();
      return { answers: batch.map(() => ({ ok: false, error })), mailed: false };
    }
    const answers: Array<Settled<WrittenRegistration> | null> = batch.map((p) => windowRefusal(conference, p));
    const candidates = batch.map((_, i) => i).filter((i) => answers[i] === null);
    const free = seatsLeft(conference);
    if (candidates.length === 0) return { answers: answers as Array<Settled<WrittenRegistration>>, mailed: false };

    const keys = candidates.map((i) => emailKey(batch[i].registration.email));
    const allocation = allocateBatch(candidates.map((i, j) => ({ key: keys[j], taken: taken.has(keys[j]), atTheDoor: batch[i].atTheDoor })), free);
    const ranks = waitlistRanks(allocation);
    const rows = candidates.flatMap((i, j) => (allocation[j].kind === 'duplicate' ? [] : [{ registration: placed(batch[i], conference.id, allocation[j].kind === 'confirmed'), queueRank: ranks[j] }]));
    const inserted = await insertRegistrations(manager, conference.id, rows);
    const settled = settleInsert(allocation, candidates.map((i) => inserted.orders.has(batch[i].registration.id)));
    if (settled.rerun) return { rerun: new Set(keys.filter((_, j) => allocation[j].kind !== 'duplicate' && settled.allocation[j].kind === 'duplicate')) };
    for (const { registration } of rows) registration.waitlistOrder = inserted.orders.get(registration.id) ?? null;

    const seats = seatsTaken(settled.allocation);
    await this.conferences.takeSeats(manager, conference.id, seats);
    const positions = waitlistPositions(settled.allocation, inserted.waitlistedBefore);
    const mails: RegisteredMail[] = [];
    candidates.forEach((i, j) => {
      const a = settled.allocation[j];
      const pending = batch[i];
      if (a.kind === 'duplicate') {
        answers[i] = { ok: false, error: alreadyRegistered() };
        return;
      }
      const written = { registration: pending.registration, manageToken: pending.manageToken, waitlistPosition: positions[j], overCapacity: a.kind === 'confirmed' && a.overCapacity };
      answers[i] = { ok: true, value: written };
      mails.push(written);
    });
    for (const i of candidates) {
      const pending = batch[i];
      if (pending.bookTable && answers[i]?.ok) await this.bookTables.request(manager, pending.registration, pending.bookTable);
    }
    await this.mail.registeredMany(manager, conference, mails);
    return { answers: answers as Array<Settled<WrittenRegistration>>, mailed: mails.length > 0 };
  }
}

const keyOf = (target: ConferenceTarget) => ('id' in target ? `id:${target.id}` : `slug:${target.publishedSlug}`);

/** A public request outside the registration window is refused; the window is judged as of the request's arrival. */
function windowRefusal(conference: Conference, pending: PendingRegistration): Settled<WrittenRegistration> | null {
  if (!pending.checkWindow) return null;
  const window = registrationWindow(conference, pending.registration.createdAt);
  if (window === 'closed') return { ok: false, error: registrationClosed() };
  if (window === 'not_open_yet') return { ok: false, error: registrationNotOpenYet() };
  return null;
}

/** The row with what the batch decided: a seat (and, at the door, checked in) or a place in the queue (its order drawn by the insert). */
function placed(pending: PendingRegistration, conferenceId: string, confirmed: boolean): Registration {
  const r = pending.registration;
  const at = r.createdAt;
  r.conferenceId = conferenceId;
  r.status = confirmed ? 'confirmed' : 'waitlisted';
  r.confirmedAt = confirmed ? at : null;
  r.waitlistedAt = confirmed ? null : at;
  r.waitlistOrder = null;
  r.checkedInAt = pending.atTheDoor ? at : null;
  return r;
}
