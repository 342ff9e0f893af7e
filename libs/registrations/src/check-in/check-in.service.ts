import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService, seatsLeft } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { AlreadyCheckedIn, checkInCodeOtherConference, checkInCodeUnknown, checkInRefused, registrationNotInConference } from '../registration.errors';
import { Registration } from '../registration.entity';
import { lockRegistration, UUID_PATTERN } from '../registration-rows';
import { checkInStep } from '../seats.rules';
import { normaliseCheckInCode } from './check-in-code';

export interface CheckInOptions {
  /** Admit a waitlisted person although every seat is taken: the organiser's explicit decision. */
  overCapacity?: boolean;
  /** A scanned code of someone already in is refused with the time (a passed-on badge shows); a tap keeps the first time. */
  refuseRepeat?: boolean;
}

/** The door: checking people in by a tap in the list or by the QR code on their badge, e-mail or phone. */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
  ) {}

  /**
   * What happens is `checkInStep`'s decision, taken on locked rows: a seat-holder is checked in
   * (a repeat keeps the first time), a waitlisted person takes a free seat or, when the organiser
   * says so, one over capacity; cancelled and transferred registrations are refused.
   */
  async checkIn(organiserId: string, conferenceId: string, registrationId: string, options: CheckInOptions = {}): Promise<Registration> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const existing = await this.find(conferenceId, registrationId);
    await this.admit(existing, options);
    return this.find(conferenceId, registrationId);
  }

  /** The same for a typed or scanned check-in code. */
  async checkInByCode(organiserId: string, conferenceId: string, code: unknown): Promise<Registration> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const holder = await this.holderOf(code);
    if (holder.conferenceId !== conferenceId) throw checkInCodeOtherConference();
    await this.admit(holder, { refuseRepeat: true });
    return this.find(conferenceId, holder.id);
  }

  /** Whose code this is, in any conference; 404 for a code nobody has. */
  async holderOf(code: unknown): Promise<Registration> {
    const normalised = normaliseCheckInCode(code);
    const holder = normalised ? await this.db.getRepository(Registration).findOneBy({ checkInCode: normalised }) : null;
    if (!holder) throw checkInCodeUnknown();
    return holder;
  }

  async undoCheckIn(organiserId: string, conferenceId: string, registrationId: string): Promise<Registration> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.find(conferenceId, registrationId);
    await this.db.query(`UPDATE registration SET checked_in_at = NULL, updated_at = $3 WHERE id = $1 AND conference_id = $2 AND checked_in_at IS NOT NULL`, [
      registrationId,
      conferenceId,
      this.clock.now(),
    ]);
    return this.find(conferenceId, registrationId);
  }

  /** Seat-holders (the conference's seat counter, the one count of them) and how many of them have come. */
  async counts(organiserId: string, conferenceId: string): Promise<{ checkedIn: number; seatHolders: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    const [{ checkedIn }] = await this.db.query(
      `SELECT count(*)::int AS "checkedIn" FROM registration WHERE conference_id = $1 AND status = 'confirmed' AND checked_in_at IS NOT NULL`,
      [conferenceId],
    );
    return { checkedIn, seatHolders: conference.seatsHeld };
  }

  /** A registration of this conference; anything else (or a malformed id) is a 404. */
  async find(conferenceId: string, registrationId: string, manager: EntityManager = this.db.manager): Promise<Registration> {
    if (typeof registrationId !== 'string' || !UUID_PATTERN.test(registrationId)) throw registrationNotInConference();
    const registration = await manager.getRepository(Registration).findOneBy({ id: registrationId, conferenceId });
    if (!registration) throw registrationNotInConference();
    return registration;
  }

  private async admit(registration: Registration, options: CheckInOptions): Promise<void> {
    const { conferenceId } = registration;
    await this.db.transaction(async (manager) => {
      // Only a waitlisted person needs a seat; then the conference row is locked first, as cancellations do.
      const seats = registration.status === 'waitlisted' ? await this.conferences.lockSeats(manager, conferenceId) : null;
      const current = await lockRegistration(manager, registration.id);
      const step = checkInStep(current, seats ? seatsLeft(seats) : 0, options.overCapacity ?? false);
      const now = this.clock.now();
      switch (step.kind) {
        case 'refuse':
          throw checkInRefused(step.reason);
        case 'already_in':
          if (options.refuseRepeat) throw new AlreadyCheckedIn(step.at);
          return;
        case 'check_in':
          await manager.update(Registration, { id: current.id }, { checkedInAt: now, updatedAt: now });
          return;
        case 'take_seat':
          if (!(await this.conferences.tryTakeSeat(manager, conferenceId))) throw checkInRefused('no_free_seat');
          break;
        case 'admit_over_capacity':
          await this.conferences.takeSeatOverCapacity(manager, conferenceId);
          break;
      }
      await manager.update(Registration, { id: current.id }, { status: 'confirmed', confirmedAt: now, checkedInAt: now, updatedAt: now });
    });
  }
}
