import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConferencesService, seatsLeft } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { Registration } from './registration.entity';
import { hasStarted } from './registration.rules';
import { RegistrationMail } from './registration-mail';
import { PersonalLinks } from './personal-links.service';
import { seatsToPromote } from './seats.rules';

/** The queue for a full conference: its order, a person's place in it, and who moves up when seats free. */
@Injectable()
export class WaitingList {
  constructor(
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly mail: RegistrationMail,
    private readonly links: PersonalLinks,
  ) {}

  /** 1 for the head of the queue. */
  async position(manager: EntityManager, registration: Registration): Promise<number> {
    const [{ position }] = await manager.query(
      `SELECT count(*)::int AS position FROM registration
       WHERE conference_id = $1 AND status = 'waitlisted' AND waitlist_order <= $2`,
      [registration.conferenceId, registration.waitlistOrder],
    );
    return position;
  }

  /**
   * Gives free seats to the head of the waiting list, in queue order, and e-mails each
   * promoted person a working personal link. Nothing happens once the conference has started.
   * Call inside the transaction that freed the seats; takes the conference row lock itself.
   */
  async promote(manager: EntityManager, conferenceId: string): Promise<Registration[]> {
    const seats = await this.conferences.lockSeats(manager, conferenceId);
    const conference = await this.conferences.findById(conferenceId, manager);
    const now = this.clock.now();
    const [{ waiting }] = await manager.query(`SELECT count(*)::int AS waiting FROM registration WHERE conference_id = $1 AND status = 'waitlisted'`, [
      conferenceId,
    ]);
    const n = seatsToPromote(seatsLeft(seats), waiting, !hasStarted(conference, now));
    if (n === 0) return [];
    const heads = await manager
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where(`r.conference_id = :conferenceId AND r.status = 'waitlisted'`, { conferenceId })
      .orderBy('r.waitlist_order', 'ASC')
      .limit(n)
      .setLock('pessimistic_write')
      .getMany();
    const promoted: Registration[] = [];
    for (const registration of heads) {
      if (!(await this.conferences.tryTakeSeat(manager, conferenceId))) break;
      registration.status = 'confirmed';
      registration.confirmedAt = now;
      registration.updatedAt = now;
      await manager.getRepository(Registration).save(registration);
      const link = await this.links.issue(manager, registration.id);
      await this.mail.promoted(manager, conference, registration, link);
      promoted.push(registration);
    }
    return promoted;
  }
}
