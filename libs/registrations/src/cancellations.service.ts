import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { Clock } from '@dialogdag/shared';
import { RegistrationExtensions } from './extensions/registration-extensions';
import { FeeChanged, registrationNotFound } from './registration.errors';
import { Registration } from './registration.entity';
import { Actor, cancellationQuote, confirmsFee } from './registration.rules';
import { lockRegistration, refuse } from './registration-rows';
import { RegistrationMail } from './registration-mail';
import { WaitingList } from './waiting-list.service';

export interface CancellationResult {
  registration: Registration;
  /** Öre fixed on the registration; 0 when free. */
  fee: number;
  /** Registrations that got the freed seat. */
  promoted: Registration[];
}

/** Giving up a registration: the fee it costs, the seat it frees and who gets that seat. */
@Injectable()
export class Cancellations {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly extensions: RegistrationExtensions,
    private readonly mail: RegistrationMail,
    private readonly waitingList: WaitingList,
  ) {}

  /** In a transaction of its own; e-mails go out after the commit. */
  async cancel(conferenceId: string, registrationId: string, by: Actor, expectedFee?: number): Promise<CancellationResult> {
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(conferenceId, manager);
      return this.cancelIn(manager, { id: registrationId }, conference, by, expectedFee);
    });
    this.mail.sendSoon();
    return result;
  }

  /**
   * Cancels inside the caller's transaction: fixes the fee (refusing when it is not the one
   * the person was shown), releases the seat, passes it to the head of the waiting list (before
   * the start), and enqueues the e-mails. Call `dispatcher.nudge()` after commit.
   */
  async cancelIn(manager: EntityManager, registration: Pick<Registration, 'id'>, conference: Conference, by: Actor, expectedFee?: number): Promise<CancellationResult> {
    await this.conferences.lockSeats(manager, conference.id);
    const current = await lockRegistration(manager, registration.id);
    if (current.conferenceId !== conference.id) throw registrationNotFound();
    const now = this.clock.now();
    const quote = cancellationQuote(current.status, conference, now, by);
    refuse(quote.refusal);
    const fee = quote.fee ?? 0;
    if (!confirmsFee(expectedFee, fee)) throw new FeeChanged(fee, expectedFee ?? fee);
    const wasConfirmed = current.status === 'confirmed';
    Object.assign(current, { status: 'cancelled', cancelledAt: now, fee, updatedAt: now });
    await manager.getRepository(Registration).save(current);
    await this.mail.cancelled(manager, conference, current, !wasConfirmed);
    await this.extensions.cancelled(manager, current.id, conference.id);
    let promoted: Registration[] = [];
    if (wasConfirmed) {
      await this.conferences.releaseSeat(manager, conference.id);
      promoted = await this.waitingList.promote(manager, conference.id);
    }
    return { registration: current, fee, promoted };
  }
}
