import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { RegistrationMailParams } from '@dialogdag/mail';
import { Clock, Language, ValidationFailed } from '@dialogdag/shared';
import { ConferenceTarget, RegistrationWriter } from './batch/registration-writer';
import { BookTablesService } from './book-tables/book-tables.service';
import { CancellationResult, Cancellations } from './cancellations.service';
import { RegistrationExtensions } from './extensions/registration-extensions';
import { PersonalLinks } from './personal-links.service';
import { registrationClosed, registrationNotFound, registrationNotOpenYet } from './registration.errors';
import { RegisterDto, TransferDto, UpdateRegistrationDto } from './registration.dto';
import { Registration, RegistrationSource } from './registration.entity';
import { Actor, detailsChangeRefusal, registrationWindow } from './registration.rules';
import { applyDetails, detailLine } from './registration-details';
import { applyFilter, RegistrationFilter } from './registration-filter';
import { RegistrationMail } from './registration-mail';
import { lockRegistration, newRegistration, refuse, UUID_PATTERN } from './registration-rows';
import { Transfers } from './transfers.service';
import { WaitingList } from './waiting-list.service';

export type { CancellationResult } from './cancellations.service';

export interface RegistrationResult {
  registration: Registration;
  manageToken: string;
  waitlistPosition: number | null;
  /** A walk-in let in although every seat was taken. */
  overCapacity?: boolean;
}

/**
 * Registering and what follows: details, cancellation, transfer. Each change runs in one
 * transaction with its e-mails; seats under the conference row lock.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly extensions: RegistrationExtensions,
    private readonly links: PersonalLinks,
    private readonly waitingList: WaitingList,
    private readonly mail: RegistrationMail,
    private readonly bookTables: BookTablesService,
    private readonly cancellations: Cancellations,
    private readonly transfers: Transfers,
    private readonly writer: RegistrationWriter,
  ) {}

  onModuleInit(): void {
    // A bigger venue frees seats: hand them to the waiting list in the same transaction.
    this.conferences.onCapacityIncreased(async (manager, conferenceId) => {
      const promoted = await this.promoteFromWaitlist(manager, conferenceId);
      // The mail commits with the caller's transaction; the dispatcher's poll also finds it.
      if (promoted.length > 0) setTimeout(() => this.mail.sendSoon(), 200).unref();
    });
  }

  /**
   * A participant registers through the public form or API. Without workshop choices or a book table
   * nothing needs the conference before the batch: the batch finds it by slug under its lock, and
   * judges the registration window there.
   */
  async registerPublic(slug: string, dto: RegisterDto, lang: Language): Promise<RegistrationResult> {
    if (!dto.bookTable && !dto.workshopPreferences?.length) return this.submit({ publishedSlug: slug }, dto, dto.language ?? lang, 'public');
    const conference = await this.conferences.findPublishedBySlug(slug);
    const window = registrationWindow(conference, this.clock.now());
    if (window === 'closed') throw registrationClosed();
    if (window === 'not_open_yet') throw registrationNotOpenYet();
    return this.register(conference, dto, dto.language ?? lang, 'public');
  }

  /**
   * Takes a seat when one is free, else a place on the waiting list (at the door: over capacity); the
   * seat, the registration and its e-mail commit together or not at all, in a batch with the other
   * registrations for the conference that arrive meanwhile (see RegistrationWriter).
   */
  async register(conference: Conference, dto: RegisterDto, lang: Language, source: RegistrationSource, options: { atTheDoor?: boolean } = {}): Promise<RegistrationResult> {
    await this.assertValidPreferences(conference.id, dto.workshopPreferences);
    const bookTable = dto.bookTable ? await this.bookTables.assertCanRequest(conference.id, dto.bookTableDescription) : null;
    return this.submit({ id: conference.id }, dto, lang, source, { atTheDoor: options.atTheDoor ?? false, bookTable });
  }

  /** The row as far as it is known before the batch's lock; tokens and codes are made here, outside it. */
  private async submit(
    target: ConferenceTarget,
    dto: RegisterDto,
    lang: Language,
    source: RegistrationSource,
    options: { atTheDoor?: boolean; bookTable?: string | null } = {},
  ): Promise<RegistrationResult> {
    const { token: manageToken, hash } = this.links.newToken();
    const now = this.clock.now();
    const registration = Object.assign(new Registration(), newRegistration('', now, hash), {
      id: randomUUID(),
      status: 'waitlisted',
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
      source,
    } satisfies Partial<Registration>);
    const atTheDoor = options.atTheDoor ?? false;
    const { overCapacity, ...written } = await this.writer.submit({
      target,
      registration,
      manageToken,
      checkWindow: source === 'public',
      atTheDoor,
      bookTable: options.bookTable ?? null,
    });
    return atTheDoor ? { ...written, overCapacity } : written;
  }

  async findByToken(token: string): Promise<{ registration: Registration; conference: Conference; waitlistPosition: number | null }> {
    const registration = await this.links.registrationFor(this.db.manager, token);
    if (!registration || registration.status === 'transferred') throw registrationNotFound();
    const conference = await this.conferences.findById(registration.conferenceId);
    const waitlistPosition = registration.status === 'waitlisted' ? await this.waitlistPosition(this.db.manager, registration) : null;
    return { registration, conference, waitlistPosition };
  }

  /** In registration order; the same filter as the participant list page and its CSV. */
  async list(organiserId: string, conferenceId: string, filter: RegistrationFilter): Promise<{ items: Registration[]; total: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const query = applyFilter(this.db.getRepository(Registration).createQueryBuilder('r'), conferenceId, filter)
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC');
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** 1 for the head of the queue. */
  waitlistPosition(manager: EntityManager, registration: Registration): Promise<number> {
    return this.waitingList.position(manager, registration);
  }

  /** Self-service changes of details until the modification deadline. */
  async updateByToken(token: string, dto: UpdateRegistrationDto): Promise<{ registration: Registration; conference: Conference; waitlistPosition: number | null }> {
    const found = await this.liveRegistration(token);
    await this.assertValidPreferences(found.conferenceId, dto.workshopPreferences);
    const result = await this.db.transaction(async (manager) => {
      const registration = await lockRegistration(manager, found.id);
      const conference = await this.conferences.findById(registration.conferenceId, manager);
      const now = this.clock.now();
      refuse(detailsChangeRefusal(registration.status, conference, now));
      const changes = applyDetails(registration, dto, now);
      if (changes.length > 0) {
        registration.updatedAt = now;
        await manager.getRepository(Registration).save(registration);
        await this.mail.detailsChanged(manager, conference, registration, changes.map((c) => detailLine(c, registration)));
      }
      const waitlistPosition = registration.status === 'waitlisted' ? await this.waitlistPosition(manager, registration) : null;
      return { registration, conference, waitlistPosition };
    });
    this.mail.sendSoon();
    return result;
  }

  /**
   * A participant cancels through the personal link: binding, so a fee after the cancellation
   * deadline. `expectedFee` is the fee the person was shown; if it now differs, nothing happens (409).
   */
  async cancelByToken(token: string, expectedFee?: number): Promise<CancellationResult> {
    const found = await this.liveRegistration(token);
    return this.cancellations.cancel(found.conferenceId, found.id, 'participant', expectedFee);
  }

  /** An organiser cancels on someone's behalf, also after the start; the fee rules are the participant's (waive separately). */
  async cancelByOrganiser(organiserId: string, conferenceId: string, registrationId: string, expectedFee?: number): Promise<CancellationResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID_PATTERN.test(registrationId)) throw registrationNotFound();
    return this.cancellations.cancel(conferenceId, registrationId, 'organiser', expectedFee);
  }

  /** Cancels inside the caller's transaction; see `Cancellations.cancelIn`. Call `dispatcher.nudge()` after commit. */
  cancelRegistration(manager: EntityManager, registration: Pick<Registration, 'id'>, conference: Conference, by: Actor, expectedFee?: number): Promise<CancellationResult> {
    return this.cancellations.cancelIn(manager, registration, conference, by, expectedFee);
  }

  /** An organiser moves a seat to a colleague (e.g. a substitute phoned in); the same rules as through the link. */
  async transferByOrganiser(organiserId: string, conferenceId: string, registrationId: string, colleague: TransferDto): Promise<RegistrationResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID_PATTERN.test(registrationId)) throw registrationNotFound();
    return this.transfers.transfer(conferenceId, registrationId, colleague, 'organiser');
  }

  /** A participant hands the registration to a colleague through the personal link; no fee. */
  async transferByToken(token: string, colleague: TransferDto, lang?: Language): Promise<RegistrationResult> {
    const found = await this.liveRegistration(token);
    return this.transfers.transfer(found.conferenceId, found.id, { ...colleague, language: colleague.language ?? lang }, 'participant');
  }

  /** Moves a registration to a colleague inside the caller's transaction; see `Transfers.transferIn`. */
  transferRegistration(manager: EntityManager, registration: Pick<Registration, 'id'>, conference: Conference, colleague: TransferDto, by: Actor): Promise<RegistrationResult> {
    return this.transfers.transferIn(manager, registration, conference, colleague, by);
  }

  /** For the receipt page after a transfer: the old registration and who took it over. */
  findTransferReceipt(token: string): Promise<{ from: Registration; to: Registration; conference: Conference }> {
    return this.transfers.receipt(token);
  }

  /** Gives free seats to the head of the waiting list; see `WaitingList.promote`. */
  promoteFromWaitlist(manager: EntityManager, conferenceId: string): Promise<Registration[]> {
    return this.waitingList.promote(manager, conferenceId);
  }

  /** A further personal link for a registration (for later e-mails); the first one keeps working. */
  issueLink(manager: EntityManager, registrationId: string): Promise<string> {
    return this.links.issue(manager, registrationId);
  }

  /** Ranked workshop choices must name this conference's workshops (checked by the lib that owns them). */
  async assertValidPreferences(conferenceId: string, preferences: string[] | undefined): Promise<void> {
    const problems = await this.extensions.preferenceProblems(conferenceId, preferences);
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  manageUrl(token: string): string {
    return this.links.url(token);
  }

  publicUrl(): string {
    return this.links.publicUrl();
  }

  /** manageToken null: an e-mail without a personal link. */
  mailParams(conference: Conference, registration: Registration, manageToken: string | null): RegistrationMailParams {
    return this.mail.params(conference, registration, manageToken);
  }

  /** The registration behind a working personal link. */
  private async liveRegistration(token: string): Promise<Registration> {
    const found = await this.links.registrationFor(this.db.manager, token);
    if (!found || found.status === 'transferred') throw registrationNotFound();
    return found;
  }
}
