import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { MailComposer, OutboxDispatcher, OutboxService, RegistrationMailParams } from '@dialogdag/mail';
import { Clock, formatMoney, hashToken, Language, newSecretToken, Sector } from '@dialogdag/shared';
import { alreadyRegistered, registrationClosed, registrationNotFound, registrationNotOpenYet } from './registration.errors';
import { RegisterDto } from './registration.dto';
import { Registration, RegistrationSource, RegistrationStatus } from './registration.entity';
import { registrationWindow } from './registration.rules';

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

export interface RegistrationResult {
  registration: Registration;
  manageToken: string;
  waitlistPosition: number | null;
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  sector?: Sector;
}

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly composer: MailComposer,
    private readonly appConfig: AppConfig,
  ) {}

  /** A participant registers through the public form or API. */
  async registerPublic(slug: string, dto: RegisterDto, lang: Language): Promise<RegistrationResult> {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const window = registrationWindow(conference, this.clock.now());
    if (window === 'closed') throw registrationClosed();
    if (window === 'not_open_yet') throw registrationNotOpenYet();
    return this.register(conference, dto, dto.language ?? lang, 'public');
  }

  /**
   * Takes a seat when one is free, else a place on the waiting list; the
   * seat, the registration and its e-mail commit together or not at all.
   */
  private async register(conference: Conference, dto: RegisterDto, lang: Language, source: RegistrationSource): Promise<RegistrationResult> {
    const manageToken = newSecretToken();
    const now = this.clock.now();
    try {
      const result = await this.db.transaction(async (manager) => {
        let confirmed = await this.conferences.tryTakeSeat(manager, conference.id);
        if (!confirmed) {
          // Full: queue behind the lock that cancellations also take, so no seat is freed unseen.
          await this.conferences.lockSeats(manager, conference.id);
          confirmed = await this.conferences.tryTakeSeat(manager, conference.id);
        }
        const registration = await manager.getRepository(Registration).save({
          conferenceId: conference.id,
          status: confirmed ? 'confirmed' : 'waitlisted',
          name: dto.name,
          email: dto.email,
          phone: dto.phone ?? null,
          organisation: dto.organisation,
          sector: dto.sector,
          isPolitician: dto.isPolitician ?? false,
          politicalParty: dto.isPolitician ? (dto.politicalParty ?? null) : null,
          isVolunteer: dto.isVolunteer ?? false,
          diet: dto.diet || null,
          dietConsentAt: dto.diet ? now : null,
          workshopPreferences: dto.workshopPreferences ?? [],
          language: lang,
          manageTokenHash: hashToken(manageToken),
          source,
          createdAt: now,
          confirmedAt: confirmed ? now : null,
          waitlistedAt: confirmed ? null : now,
          cancelledAt: null,
          fee: 0,
          feeWaivedAt: null,
          feeWaiverReason: null,
          checkedInAt: null,
          transferredFromId: null,
          updatedAt: now,
        } as Registration);
        const waitlistPosition = confirmed ? null : await this.waitlistPosition(manager, registration);
        const params = this.mailParams(conference, registration, manageToken);
        await this.outbox.enqueue(
          manager,
          confirmed
            ? this.composer.registrationConfirmed(params)
            : this.composer.registrationWaitlisted({ ...params, position: waitlistPosition ?? 1 }),
        );
        return { registration, manageToken, waitlistPosition };
      });
      this.dispatcher.nudge();
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyRegistered();
      throw error;
    }
  }

  async findByToken(token: string): Promise<{ registration: Registration; conference: Conference; waitlistPosition: number | null }> {
    if (!token || token.length > 100) throw registrationNotFound();
    const registration = await this.db
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.manage_token_hash = :hash', { hash: hashToken(token) })
      .andWhere(`r.status <> 'transferred'`)
      .getOne();
    if (!registration) throw registrationNotFound();
    const conference = await this.conferences.findById(registration.conferenceId);
    const waitlistPosition = registration.status === 'waitlisted' ? await this.waitlistPosition(this.db.manager, registration) : null;
    return { registration, conference, waitlistPosition };
  }

  async list(organiserId: string, conferenceId: string, filter: RegistrationFilter): Promise<{ items: Registration[]; total: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const query = this.db
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.conference_id = :conferenceId', { conferenceId })
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.sector) query.andWhere('r.sector = :sector', { sector: filter.sector });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** 1 for the head of the queue. */
  async waitlistPosition(manager: EntityManager, registration: Registration): Promise<number> {
    const [{ position }] = await manager.query(
      `SELECT count(*)::int AS position FROM registration
       WHERE conference_id = $1 AND status = 'waitlisted' AND (waitlisted_at, id) <= ($2, $3)`,
      [registration.conferenceId, registration.waitlistedAt, registration.id],
    );
    return position;
  }

  manageUrl(token: string): string {
    return `${this.publicUrl()}/r/${token}`;
  }

  publicUrl(): string {
    return (this.appConfig.publicUrl ?? `http://localhost:${this.appConfig.port}`).replace(/\/$/, '');
  }

  mailParams(conference: Conference, registration: Registration, manageToken: string): RegistrationMailParams {
    return {
      lang: registration.language,
      to: registration.email,
      name: registration.name,
      registrationId: registration.id,
      conference: {
        id: conference.id,
        title: conference.title,
        startsAt: conference.startsAt,
        endsAt: conference.endsAt,
        venue: [conference.venueName, conference.venueAddress, conference.venueCity].filter(Boolean).join(', '),
        cancellationDeadline: conference.cancellationDeadline,
        cancellationFeeText: formatMoney(conference.cancellationFee, registration.language),
      },
      manageUrl: this.manageUrl(manageToken),
    };
  }
}
