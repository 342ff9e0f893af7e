import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { RegistrationExtensions } from './extensions/registration-extensions';
import { PersonalLinks } from './personal-links.service';
import { colleagueAlreadyRegistered, registrationNotFound } from './registration.errors';
import { TransferDto } from './registration.dto';
import { Registration } from './registration.entity';
import { Actor, transferRefusal } from './registration.rules';
import { isDuplicateRegistration, lockRegistration, newRegistration, refuse } from './registration-rows';
import { RegistrationMail } from './registration-mail';
import { WaitingList } from './waiting-list.service';

export interface TransferResult {
  registration: Registration;
  manageToken: string;
  waitlistPosition: number | null;
}

/** "Registration is binding but can be transferred to a colleague": the seat (or queue place) moves, no fee. */
@Injectable()
export class Transfers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly extensions: RegistrationExtensions,
    private readonly links: PersonalLinks,
    private readonly mail: RegistrationMail,
    private readonly waitingList: WaitingList,
  ) {}

  /** In a transaction of its own; e-mails go out after the commit. */
  async transfer(conferenceId: string, registrationId: string, colleague: TransferDto, by: Actor): Promise<TransferResult> {
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(conferenceId, manager);
      return this.transferIn(manager, { id: registrationId }, conference, colleague, by);
    });
    this.mail.sendSoon();
    return result;
  }

  /**
   * Moves a registration, inside the caller's transaction, to a colleague: the new registration
   * takes over the status (a seat or the queue place), workshop choices that are still valid and
   * anything else seat-bound (via `RegistrationExtensions.onTransferred`); the old one becomes
   * `transferred`, its links stop working. Call `dispatcher.nudge()` after commit.
   */
  async transferIn(manager: EntityManager, registration: Pick<Registration, 'id'>, conference: Conference, colleague: TransferDto, by: Actor): Promise<TransferResult> {
    void by; // both sides follow the same rules today
    await this.conferences.lockSeats(manager, conference.id);
    const from = await lockRegistration(manager, registration.id);
    if (from.conferenceId !== conference.id) throw registrationNotFound();
    const now = this.clock.now();
    refuse(transferRefusal(from.status, conference, now));
    await manager.update(Registration, { id: from.id }, { status: 'transferred', updatedAt: now });
    // Choices made long ago may name workshops that are gone; the colleague then starts without any.
    const stillValid = (await this.extensions.preferenceProblems(conference.id, from.workshopPreferences)).length === 0;
    const { token: manageToken, hash } = this.links.newToken();
    let to: Registration;
    try {
      // A savepoint, so a duplicate e-mail leaves the caller's transaction usable.
      to = await manager.transaction((inner) =>
        inner.getRepository(Registration).save({
          ...newRegistration(conference.id, now, hash),
          status: from.status,
          name: colleague.name,
          email: colleague.email,
          phone: colleague.phone ?? null,
          organisation: colleague.organisation ?? from.organisation,
          sector: colleague.sector ?? from.sector,
          workshopPreferences: stillValid ? from.workshopPreferences : [],
          language: colleague.language ?? from.language,
          source: 'transfer',
          confirmedAt: from.confirmedAt,
          waitlistedAt: from.waitlistedAt,
          waitlistOrder: from.waitlistOrder,
          transferredFromId: from.id,
        } as Registration),
      );
    } catch (error) {
      if (isDuplicateRegistration(error)) throw colleagueAlreadyRegistered();
      throw error;
    }
    await this.extensions.transferred(manager, from.id, to.id);
    const waitlistPosition = to.status === 'waitlisted' ? await this.waitingList.position(manager, to) : null;
    await this.mail.transferred(manager, conference, from, to, manageToken, waitlistPosition);
    return { registration: to, manageToken, waitlistPosition };
  }

  /** For the receipt page after a transfer: the old registration and who took it over. */
  async receipt(token: string): Promise<{ from: Registration; to: Registration; conference: Conference }> {
    const from = await this.links.registrationFor(this.db.manager, token);
    if (!from || from.status !== 'transferred') throw registrationNotFound();
    const to = await this.db.getRepository(Registration).findOneBy({ transferredFromId: from.id });
    if (!to) throw registrationNotFound();
    return { from, to, conference: await this.conferences.findById(from.conferenceId) };
  }
}
