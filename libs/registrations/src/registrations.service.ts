import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { MailComposer, OutboxDispatcher, OutboxService, RegistrationMailParams } from '@dialogdag/mail';
import { Clock, formatMoney, hashToken, Language, newSecretToken, Sector, SECTOR_LABELS, ValidationFailed } from '@dialogdag/shared';
import { RegistrationExtensions } from './extensions/registration-extensions';
import {
  alreadyCancelled,
  alreadyRegistered,
  colleagueAlreadyRegistered,
  conferenceStarted,
  modificationClosed,
  notModifiable,
  registrationClosed,
  registrationNotFound,
  registrationNotOpenYet,
} from './registration.errors';
import { RegisterDto, TransferDto, UpdateRegistrationDto } from './registration.dto';
import { Registration, RegistrationSource, RegistrationStatus } from './registration.entity';
import { cancellationFeeFor, canModifyDetails, hasStarted, registrationWindow } from './registration.rules';
import { seatsToPromote } from './waitlist.rules';

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505';

export interface RegistrationResult {
  registration: Registration;
  manageToken: string;
  waitlistPosition: number | null;
  /** A walk-in let in although every seat was taken. */
  overCapacity?: boolean;
}

/** Who acts: participants through their personal link, organisers from the back office. */
export type Actor = 'participant' | 'organiser';

export interface CancellationResult {
  registration: Registration;
  /** Öre fixed on the registration; 0 when free. */
  fee: number;
  /** Registrations that got the freed seat. */
  promoted: Registration[];
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  sector?: Sector;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly composer: MailComposer,
    private readonly appConfig: AppConfig,
    private readonly extensions: RegistrationExtensions,
  ) {}

  onModuleInit(): void {
    // A bigger venue frees seats: hand them to the waiting list in the same transaction.
    this.conferences.onCapacityIncreased(async (manager, conferenceId) => {
      const promoted = await this.promoteFromWaitlist(manager, conferenceId);
      // The mail commits with the caller's transaction; the dispatcher's poll also finds it.
      if (promoted.length > 0) setTimeout(() => this.dispatcher.nudge(), 200).unref();
    });
  }

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
  async register(
    conference: Conference,
    dto: RegisterDto,
    lang: Language,
    source: RegistrationSource,
    options: { atTheDoor?: boolean } = {},
  ): Promise<RegistrationResult> {
    await this.assertValidPreferences(conference.id, dto.workshopPreferences);
    const manageToken = newSecretToken();
    const now = this.clock.now();
    try {
      const result = await this.db.transaction(async (manager) => {
        let overCapacity = false;
        let confirmed = await this.conferences.tryTakeSeat(manager, conference.id);
        if (!confirmed) {
          // Full: queue behind the lock that cancellations also take, so no seat is freed unseen.
          await this.conferences.lockSeats(manager, conference.id);
          confirmed = await this.conferences.tryTakeSeat(manager, conference.id);
        }
        if (!confirmed && options.atTheDoor) {
          // Someone standing at the door is let in by the organiser even when the room is full.
          await this.conferences.takeSeatOverCapacity(manager, conference.id);
          confirmed = overCapacity = true;
        }
        const waitlistOrder = confirmed ? null : await this.nextWaitlistOrder(manager);
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
          waitlistOrder,
          cancelledAt: null,
          reminderSentAt: null,
          fee: 0,
          feeWaivedAt: null,
          feeWaiverReason: null,
          checkedInAt: options.atTheDoor ? now : null,
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
        return { registration, manageToken, waitlistPosition, overCapacity };
      });
      this.dispatcher.nudge();
      return result;
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyRegistered();
      throw error;
    }
  }

  async findByToken(token: string): Promise<{ registration: Registration; conference: Conference; waitlistPosition: number | null }> {
    const registration = await this.registrationForToken(this.db.manager, token);
    if (!registration || registration.status === 'transferred') throw registrationNotFound();
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
       WHERE conference_id = $1 AND status = 'waitlisted' AND waitlist_order <= $2`,
      [registration.conferenceId, registration.waitlistOrder],
    );
    return position;
  }

  // --- Changes after registering. Each runs in one transaction with its e-mails; seats under the conference row lock. ---

  /** Self-service changes of details until the modification deadline. */
  async updateByToken(token: string, dto: UpdateRegistrationDto): Promise<{ registration: Registration; conference: Conference; waitlistPosition: number | null }> {
    const found = await this.registrationForToken(this.db.manager, token);
    if (!found || found.status === 'transferred') throw registrationNotFound();
    await this.assertValidPreferences(found.conferenceId, dto.workshopPreferences);
    const result = await this.db.transaction(async (manager) => {
      const registration = await this.lockRegistration(manager, found.id);
      const conference = await this.conferences.findById(registration.conferenceId, manager);
      if (registration.status !== 'confirmed' && registration.status !== 'waitlisted') throw notModifiable();
      const now = this.clock.now();
      if (!canModifyDetails(conference, now)) throw modificationClosed();
      const changes = applyDetails(registration, dto, now);
      if (changes.length > 0) {
        registration.updatedAt = now;
        await manager.getRepository(Registration).save(registration);
        await this.outbox.enqueue(
          manager,
          this.composer.registrationDetailsChanged({ ...this.mailParams(conference, registration, null), changes: changes.map((c) => detailLine(c, registration)) }),
        );
      }
      const waitlistPosition = registration.status === 'waitlisted' ? await this.waitlistPosition(manager, registration) : null;
      return { registration, conference, waitlistPosition };
    });
    this.dispatcher.nudge();
    return result;
  }

  /** A participant cancels through the personal link: binding, so a fee after the cancellation deadline. */
  async cancelByToken(token: string): Promise<CancellationResult> {
    const found = await this.registrationForToken(this.db.manager, token);
    if (!found || found.status === 'transferred') throw registrationNotFound();
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(found.conferenceId, manager);
      return this.cancelRegistration(manager, found, conference, 'participant');
    });
    this.dispatcher.nudge();
    return result;
  }

  /**
   * Cancels inside the caller's transaction: fixes the fee (a seat-holder past the
   * cancellation deadline pays; a waitlisted person never does), releases the seat,
   * passes it to the head of the waiting list (before the start), and enqueues the e-mails.
   * Participants cannot cancel once the conference has started (a no-show is charged instead);
   * organisers can. Call `dispatcher.nudge()` after commit.
   */
  async cancelRegistration(manager: EntityManager, registration: Pick<Registration, 'id'>, conference: Conference, by: Actor): Promise<CancellationResult> {
    await this.conferences.lockSeats(manager, conference.id);
    const current = await this.lockRegistration(manager, registration.id);
    if (current.conferenceId !== conference.id) throw registrationNotFound();
    if (current.status === 'cancelled') throw alreadyCancelled();
    if (current.status === 'transferred') throw registrationNotFound();
    const now = this.clock.now();
    if (by === 'participant' && hasStarted(conference, now)) throw conferenceStarted();
    const wasConfirmed = current.status === 'confirmed';
    const fee = cancellationFeeFor(current.status, conference, now);
    current.status = 'cancelled';
    current.cancelledAt = now;
    current.fee = fee;
    current.updatedAt = now;
    await manager.getRepository(Registration).save(current);
    await this.outbox.enqueue(
      manager,
      this.composer.registrationCancelled({
        ...this.mailParams(conference, current, null),
        fee,
        feeText: formatMoney(fee, current.language),
        wasWaitlisted: !wasConfirmed,
      }),
    );
    await this.extensions.cancelled(manager, current.id, conference.id);
    let promoted: Registration[] = [];
    if (wasConfirmed) {
      await this.conferences.releaseSeat(manager, conference.id);
      promoted = await this.promoteFromWaitlist(manager, conference.id);
    }
    return { registration: current, fee, promoted };
  }

  /** An organiser cancels on someone's behalf, also after the start; the fee rules are the participant's (waive separately). */
  async cancelByOrganiser(organiserId: string, conferenceId: string, registrationId: string): Promise<CancellationResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID_PATTERN.test(registrationId)) throw registrationNotFound();
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(conferenceId, manager);
      return this.cancelRegistration(manager, { id: registrationId }, conference, 'organiser');
    });
    this.dispatcher.nudge();
    return result;
  }

  /** An organiser moves a seat to a colleague (e.g. a substitute phoned in); the same rules as through the link. */
  async transferByOrganiser(organiserId: string, conferenceId: string, registrationId: string, colleague: TransferDto): Promise<RegistrationResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID_PATTERN.test(registrationId)) throw registrationNotFound();
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(conferenceId, manager);
      return this.transferRegistration(manager, { id: registrationId }, conference, colleague, 'organiser');
    });
    this.dispatcher.nudge();
    return result;
  }

  /**
   * Gives free seats to the head of the waiting list, in queue order, and e-mails each
   * promoted person a working personal link. Nothing happens once the conference has started.
   * Call inside the transaction that freed the seats; takes the conference row lock itself.
   */
  async promoteFromWaitlist(manager: EntityManager, conferenceId: string): Promise<Registration[]> {
    const seats = await this.conferences.lockSeats(manager, conferenceId);
    const conference = await this.conferences.findById(conferenceId, manager);
    const now = this.clock.now();
    const [{ waiting }] = await manager.query(
      `SELECT count(*)::int AS waiting FROM registration WHERE conference_id = $1 AND status = 'waitlisted'`,
      [conferenceId],
    );
    const n = seatsToPromote(seats.capacity, seats.seatsHeld, waiting, !hasStarted(conference, now));
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
      const link = await this.issueLink(manager, registration.id);
      await this.outbox.enqueue(manager, this.composer.registrationPromoted(this.mailParams(conference, registration, link)));
      promoted.push(registration);
    }
    return promoted;
  }

  /** A participant hands the registration to a colleague through the personal link; no fee. */
  async transferByToken(token: string, colleague: TransferDto, lang?: Language): Promise<RegistrationResult> {
    const found = await this.registrationForToken(this.db.manager, token);
    if (!found || found.status === 'transferred') throw registrationNotFound();
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(found.conferenceId, manager);
      return this.transferRegistration(manager, found, conference, { ...colleague, language: colleague.language ?? lang }, 'participant');
    });
    this.dispatcher.nudge();
    return result;
  }

  /**
   * Moves a registration, inside the caller's transaction, to a colleague: the new
   * registration takes over the status (a seat or the queue place), workshop preferences
   * and anything else seat-bound (via `RegistrationExtensions.onTransferred`); the old one becomes
   * `transferred`, its links stop working. 409 once the conference has started, for a
   * cancelled registration, or when the colleague is already registered.
   * Call `dispatcher.nudge()` after commit.
   */
  async transferRegistration(manager: EntityManager, registration: Pick<Registration, 'id'>, conference: Conference, colleague: TransferDto, by: Actor): Promise<RegistrationResult> {
    void by; // both sides follow the same rules today
    await this.conferences.lockSeats(manager, conference.id);
    const from = await this.lockRegistration(manager, registration.id);
    if (from.conferenceId !== conference.id || from.status === 'transferred') throw registrationNotFound();
    if (from.status === 'cancelled') throw alreadyCancelled();
    const now = this.clock.now();
    if (hasStarted(conference, now)) throw conferenceStarted();
    await manager.update(Registration, { id: from.id }, { status: 'transferred', updatedAt: now });
    // Choices made long ago may name workshops that are gone; the colleague then starts without any.
    const carriedPreferences = (await this.extensions.preferenceProblems(conference.id, from.workshopPreferences)).length === 0 ? from.workshopPreferences : [];
    const manageToken = newSecretToken();
    let to: Registration;
    try {
      // A savepoint, so a duplicate e-mail leaves the caller's transaction usable.
      to = await manager.transaction((inner) =>
        inner.getRepository(Registration).save({
          conferenceId: conference.id,
          status: from.status,
          name: colleague.name,
          email: colleague.email,
          phone: colleague.phone ?? null,
          organisation: colleague.organisation ?? from.organisation,
          sector: colleague.sector ?? from.sector,
          isPolitician: false,
          politicalParty: null,
          isVolunteer: false,
          diet: null,
          dietConsentAt: null,
          workshopPreferences: carriedPreferences,
          language: colleague.language ?? from.language,
          manageTokenHash: hashToken(manageToken),
          source: 'transfer',
          createdAt: now,
          confirmedAt: from.confirmedAt,
          waitlistedAt: from.waitlistedAt,
          waitlistOrder: from.waitlistOrder,
          cancelledAt: null,
          reminderSentAt: null,
          fee: 0,
          feeWaivedAt: null,
          feeWaiverReason: null,
          checkedInAt: null,
          transferredFromId: from.id,
          updatedAt: now,
        } as Registration),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw colleagueAlreadyRegistered();
      throw error;
    }
    await this.extensions.transferred(manager, from.id, to.id);
    const waitlistPosition = to.status === 'waitlisted' ? await this.waitlistPosition(manager, to) : null;
    await this.outbox.enqueue(
      manager,
      this.composer.registrationTransferredToYou({
        ...this.mailParams(conference, to, manageToken),
        fromName: from.name,
        waitlisted: to.status === 'waitlisted',
        position: waitlistPosition,
      }),
    );
    await this.outbox.enqueue(
      manager,
      this.composer.registrationTransferReceipt({ ...this.mailParams(conference, from, null), colleagueName: to.name, colleagueEmail: to.email }),
    );
    return { registration: to, manageToken, waitlistPosition };
  }

  /** For the receipt page after a transfer: the old registration and who took it over. */
  async findTransferReceipt(token: string): Promise<{ from: Registration; to: Registration; conference: Conference }> {
    const from = await this.registrationForToken(this.db.manager, token);
    if (!from || from.status !== 'transferred') throw registrationNotFound();
    const to = await this.db.getRepository(Registration).findOneBy({ transferredFromId: from.id });
    if (!to) throw registrationNotFound();
    return { from, to, conference: await this.conferences.findById(from.conferenceId) };
  }

  /** A further personal link for a registration (for later e-mails); the first one keeps working. */
  async issueLink(manager: EntityManager, registrationId: string): Promise<string> {
    const token = newSecretToken();
    await manager.query(`INSERT INTO registration_link (token_hash, registration_id, created_at) VALUES ($1, $2, $3)`, [
      hashToken(token),
      registrationId,
      this.clock.now(),
    ]);
    return token;
  }

  /** Ranked workshop choices must name this conference's workshops (checked by the lib that owns them). */
  async assertValidPreferences(conferenceId: string, preferences: string[] | undefined): Promise<void> {
    const problems = await this.extensions.preferenceProblems(conferenceId, preferences);
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  /** The registration a personal-link token belongs to, whatever its status. */
  private async registrationForToken(manager: EntityManager, token: string): Promise<Registration | null> {
    if (typeof token !== 'string' || !token || token.length > 100) return null;
    return manager
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where(
        `(r.manage_token_hash = :hash OR r.id IN (SELECT l.registration_id FROM registration_link l WHERE l.token_hash = :hash))`,
        { hash: hashToken(token) },
      )
      .getOne();
  }

  private async lockRegistration(manager: EntityManager, id: string): Promise<Registration> {
    const registration = await manager.getRepository(Registration).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!registration) throw registrationNotFound();
    return registration;
  }

  private async nextWaitlistOrder(manager: EntityManager): Promise<string> {
    const [{ n }] = await manager.query(`SELECT nextval('registration_waitlist_order')::text AS n`);
    return n;
  }

  manageUrl(token: string): string {
    return `${this.publicUrl()}/r/${token}`;
  }

  publicUrl(): string {
    return this.appConfig.publicBaseUrl();
  }

  /** manageToken null: an e-mail without a personal link. */
  mailParams(conference: Conference, registration: Registration, manageToken: string | null): RegistrationMailParams {
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
      manageUrl: manageToken ? this.manageUrl(manageToken) : '',
    };
  }
}

type DetailField = keyof Omit<UpdateRegistrationDto, 'name' | 'email'>;
const DETAIL_FIELDS: DetailField[] = ['phone', 'diet', 'organisation', 'sector', 'isPolitician', 'politicalParty', 'isVolunteer', 'workshopPreferences'];

/** Applies the given fields; returns the ones that changed. */
function applyDetails(r: Registration, dto: UpdateRegistrationDto, now: Date): DetailField[] {
  const changed: DetailField[] = [];
  const target = r as unknown as Record<DetailField, unknown>;
  for (const field of DETAIL_FIELDS) {
    const value = dto[field];
    if (value === undefined) continue;
    const next = field === 'phone' || field === 'diet' || field === 'politicalParty' ? (value ?? null) : value;
    if (next === null && (field === 'organisation' || field === 'sector' || field === 'isPolitician' || field === 'isVolunteer' || field === 'workshopPreferences')) continue;
    if (JSON.stringify(target[field]) === JSON.stringify(next)) continue;
    target[field] = next;
    changed.push(field);
  }
  if (changed.includes('diet')) r.dietConsentAt = r.diet ? now : null;
  if (!r.isPolitician && r.politicalParty !== null) {
    r.politicalParty = null;
    if (!changed.includes('politicalParty')) changed.push('politicalParty');
  }
  return changed;
}

const DETAIL_LABELS: Record<Language, Record<DetailField, string>> = {
  sv: {
    phone: 'Telefon', diet: 'Särskild kost', organisation: 'Organisation', sector: 'Sektor', isPolitician: 'Förtroendevald',
    politicalParty: 'Parti', isVolunteer: 'Ideellt aktiv', workshopPreferences: 'Workshopval',
  },
  en: {
    phone: 'Phone', diet: 'Special diet', organisation: 'Organisation', sector: 'Sector', isPolitician: 'Elected politician',
    politicalParty: 'Party', isVolunteer: 'Volunteer', workshopPreferences: 'Workshop choices',
  },
};

function detailLine(field: DetailField, r: Registration): [string, string] {
  const value = (r as unknown as Record<DetailField, unknown>)[field];
  const lang = r.language;
  const text =
    value === null || value === '' ? '–'
      : typeof value === 'boolean' ? (value ? (lang === 'sv' ? 'ja' : 'yes') : (lang === 'sv' ? 'nej' : 'no'))
        : field === 'sector' ? SECTOR_LABELS[value as Sector][lang]
          : field === 'workshopPreferences' ? String((value as string[]).length)
            : String(value);
  return [DETAIL_LABELS[lang][field], text];
}
