import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher } from '@dialogdag/mail';
import { Clock } from '@dialogdag/shared';
import { FeeChanged, registrationNotInConference } from '../registration.errors';
import { Registration, RegistrationStatus } from '../registration.entity';
import { Actor, confirmsFee } from '../registration.rules';
import { RegistrationsService } from '../registrations.service';
import { erasurePlan, ErasurePlan } from './anonymisation.rules';
import { Anonymiser } from './anonymiser';
import { alreadyErased } from './privacy.errors';

export interface ErasureResult {
  registrationId: string;
  conference: Conference;
  /** The status kept after erasure: cancelled when it was cancelled first. */
  status: RegistrationStatus;
  cancelled: boolean;
  /** Öre the cancellation cost; 0 when free or when nothing was cancelled. */
  fee: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Erasing a registration on request (the person through their link, or an organiser): an active one is
 * cancelled first through the usual cancellation (its fee decision, freed seat, waiting list, e-mail), then
 * everything personal is anonymised, all in one transaction.
 */
@Injectable()
export class Erasure {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly registrations: RegistrationsService,
    private readonly anonymiser: Anonymiser,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /** What erasing would do now: what the confirmation step states and sends back as `expectedFee`. */
  plan(registration: Pick<Registration, 'status'>, conference: Conference, by: Actor): ErasurePlan {
    return erasurePlan(registration.status, conference, this.clock.now(), by);
  }

  async eraseByToken(token: string, expectedFee?: number): Promise<ErasureResult> {
    const { registration } = await this.registrations.findByToken(token);
    return this.erase(registration.conferenceId, registration.id, 'participant', expectedFee);
  }

  async eraseByOrganiser(organiserId: string, conferenceId: string, registrationId: string, expectedFee?: number): Promise<ErasureResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(registrationId)) throw registrationNotInConference();
    return this.erase(conferenceId, registrationId, 'organiser', expectedFee);
  }

  /** `expectedFee`: what the step showed; when erasing now costs otherwise, nothing happens (409 fee_changed). */
  private async erase(conferenceId: string, registrationId: string, by: Actor, expectedFee: number | undefined): Promise<ErasureResult> {
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(conferenceId, manager);
      // The seat lock first, as a cancellation takes it, so the two never wait for each other crosswise.
      await this.conferences.lockSeats(manager, conference.id);
      const current = await lockedRegistration(manager, conference.id, registrationId);
      if (current.anonymisedAt) throw alreadyErased();
      const now = this.clock.now();
      const plan = erasurePlan(current.status, conference, now, by);
      if (!confirmsFee(expectedFee, plan.fee)) throw new FeeChanged(plan.fee, expectedFee ?? plan.fee);
      let status = current.status;
      if (plan.cancelFirst) status = (await this.registrations.cancelRegistration(manager, current, conference, by, plan.fee)).registration.status;
      await this.anonymiser.anonymiseIn(manager, conference.id, [current], now);
      return { registrationId: current.id, conference, status, cancelled: plan.cancelFirst, fee: plan.fee };
    });
    // The cancellation's e-mails (and a promoted person's) go out now rather than at the next poll.
    this.dispatcher.nudge();
    return result;
  }
}

async function lockedRegistration(manager: EntityManager, conferenceId: string, id: string): Promise<Registration> {
  const found = await manager.getRepository(Registration).findOne({ where: { id, conferenceId }, lock: { mode: 'pessimistic_write' } });
  if (!found) throw registrationNotInConference();
  return found;
}
