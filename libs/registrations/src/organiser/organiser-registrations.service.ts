import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Clock, DomainError, Language, Sector, SECTOR_LABELS, toStockholmIso } from '@dialogdag/shared';
import { RegisterDto } from '../registration.dto';
import { Registration, RegistrationStatus } from '../registration.entity';
import { RegistrationResult, RegistrationsService } from '../registrations.service';
import { badgesPdf } from './badges';
import { CsvValue, toCsv } from './csv';
import { countDiets, DietSummary } from './diets';
import { AnnotationTable } from '../extensions/annotation-table';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { aggregateFees, FeeItem, feeItems, OrganisationFee } from './fees';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const registrationNotInConference = () =>
  new DomainError('registration_not_found', 'not_found', 'No such registration in this conference.');
/** Carries the status so pages can say why in the organiser's language. */
export class NotCheckable extends DomainError {
  constructor(readonly status: RegistrationStatus) {
    super('not_checkable', 'conflict', `A ${status} registration cannot be checked in.`);
  }
}
const notCheckable = (status: RegistrationStatus) => new NotCheckable(status);
const waitlistedAndFull = () =>
  new DomainError(
    'no_free_seat',
    'conflict',
    'This person is on the waiting list and the conference is full; check them in with overCapacity true to admit them over capacity, or free a seat first.',
  );
const nothingToWaive = () =>
  new DomainError('no_fee', 'conflict', 'This registration owes no fee that could be waived (only late cancellations and seat-holders who did not come).');

export interface OrganiserFilter {
  status?: RegistrationStatus;
  sector?: Sector;
  /** Matches name or organisation, case-insensitively. */
  q?: string;
}

export interface FeesReport {
  items: FeeItem[];
  total: number;
  byOrganisation: OrganisationFee[];
  totalAmount: number;
}

export interface WalkInResult extends RegistrationResult {
  /** The door let them in although every seat was taken. */
  overCapacity: boolean;
}

/** What organisers do with registrations: the door, hand-made registrations, lists, diets, badges and fees. */
@Injectable()
export class OrganiserRegistrationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly registrations: RegistrationsService,
    private readonly extensions: RegistrationExtensions,
  ) {}

  // --- Check-in at the door ---

  /**
   * Idempotent: a second check-in keeps the first time (the UPDATE only touches rows not yet
   * checked in). A waitlisted person at the door takes a free seat if there is one (and is
   * confirmed); when the conference is full that is a 409 unless the organiser explicitly
   * admits them over capacity (as for walk-ins, who cannot be added again with the same e-mail).
   */
  async checkIn(organiserId: string, conferenceId: string, registrationId: string, options: { overCapacity?: boolean } = {}): Promise<Registration> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const existing = await this.find(conferenceId, registrationId);
    const now = this.clock.now();
    const [, affected] = await this.db.query(
      `UPDATE registration SET checked_in_at = $3, updated_at = $3
       WHERE id = $1 AND conference_id = $2 AND status = 'confirmed' AND checked_in_at IS NULL`,
      [registrationId, conferenceId, now],
    );
    if (affected > 0) return this.find(conferenceId, registrationId);
    if (existing.status === 'confirmed') return this.find(conferenceId, registrationId);
    if (existing.status !== 'waitlisted') throw notCheckable(existing.status);
    await this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      const current = await manager.getRepository(Registration).findOne({ where: { id: registrationId }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw registrationNotInConference();
      if (current.status === 'confirmed') {
        await manager.query(`UPDATE registration SET checked_in_at = $2, updated_at = $2 WHERE id = $1 AND checked_in_at IS NULL`, [registrationId, now]);
        return;
      }
      if (current.status !== 'waitlisted') throw notCheckable(current.status);
      if (!(await this.conferences.tryTakeSeat(manager, conferenceId))) {
        if (!options.overCapacity) throw waitlistedAndFull();
        await this.conferences.takeSeatOverCapacity(manager, conferenceId);
      }
      await manager.query(
        `UPDATE registration SET status = 'confirmed', confirmed_at = $2, checked_in_at = $2, updated_at = $2 WHERE id = $1 AND status = 'waitlisted'`,
        [registrationId, now],
      );
    });
    return this.find(conferenceId, registrationId);
  }

  async undoCheckIn(organiserId: string, conferenceId: string, registrationId: string): Promise<Registration> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.find(conferenceId, registrationId);
    await this.db.query(
      `UPDATE registration SET checked_in_at = NULL, updated_at = $3 WHERE id = $1 AND conference_id = $2 AND checked_in_at IS NOT NULL`,
      [registrationId, conferenceId, this.clock.now()],
    );
    return this.find(conferenceId, registrationId);
  }

  // --- Registrations made by organisers ---

  /** Like the public form but also after the deadline (and before opening): a seat if free, else the waiting list. */
  async addByHand(organiserId: string, conferenceId: string, dto: RegisterDto, lang: Language): Promise<RegistrationResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    return this.registrations.register(conference, dto, dto.language ?? lang, 'organiser');
  }

  /**
   * Somebody at the door: registered and checked in at once. The organiser's explicit
   * decision lets them in even when the conference is full: a free seat is taken if there
   * is one, otherwise they are confirmed over capacity, and seats_held still counts every
   * seat-holder (so it may exceed the capacity; nobody is promoted until it is below again).
   */
  async walkIn(organiserId: string, conferenceId: string, dto: RegisterDto, lang: Language): Promise<WalkInResult> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    const result = await this.registrations.register(conference, dto, dto.language ?? lang, 'walk_in', { atTheDoor: true });
    return { ...result, overCapacity: result.overCapacity ?? false };
  }

  // --- Lists ---

  async search(organiserId: string, conferenceId: string, filter: OrganiserFilter): Promise<Registration[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const query = this.db
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where('r.conference_id = :conferenceId', { conferenceId })
      .orderBy('lower(r.name)', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.sector) query.andWhere('r.sector = :sector', { sector: filter.sector });
    const q = filter.q?.trim();
    if (q) query.andWhere('(strpos(lower(r.name), lower(:q)) > 0 OR strpos(lower(r.organisation), lower(:q)) > 0)', { q });
    return query.getMany();
  }

  /** Seat-holders and how many of them have come. */
  async checkInCounts(organiserId: string, conferenceId: string): Promise<{ checkedIn: number; seatHolders: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS "seatHolders", count(checked_in_at)::int AS "checkedIn"
       FROM registration WHERE conference_id = $1 AND status = 'confirmed'`,
      [conferenceId],
    );
    return row;
  }

  /** The participant list for Excel, with a column per registered annotation (workshop, table…). */
  async listCsv(organiserId: string, conferenceId: string, filter: OrganiserFilter, lang: Language): Promise<string> {
    const items = await this.search(organiserId, conferenceId, filter);
    const annotations = await AnnotationTable.load(this.extensions, conferenceId, items.map((r) => r.id), lang);
    const header = [
      ...(lang === 'sv'
        ? ['Namn', 'E-post', 'Telefon', 'Organisation', 'Sektor', 'Parti', 'Politiker', 'Ideellt aktiv', 'Status', 'Incheckad']
        : ['Name', 'E-mail', 'Phone', 'Organisation', 'Sector', 'Party', 'Politician', 'Volunteer', 'Status', 'Checked in']),
      ...annotations.columns.map((c) => c.label),
    ];
    const yes = (b: boolean) => (lang === 'sv' ? (b ? 'ja' : 'nej') : b ? 'yes' : 'no');
    const rows: CsvValue[][] = items.map((r) => [
      r.name,
      r.email,
      r.phone,
      r.organisation,
      SECTOR_LABELS[r.sector]?.[lang] ?? r.sector,
      r.politicalParty,
      yes(r.isPolitician),
      yes(r.isVolunteer),
      r.status,
      r.checkedInAt ? toStockholmIso(r.checkedInAt) : '',
      ...annotations.row(r.id),
    ]);
    return toCsv(header, rows);
  }

  // --- Diets, badges ---

  async diets(organiserId: string, conferenceId: string, withNames: boolean): Promise<DietSummary> {
    const seatHolders = await this.search(organiserId, conferenceId, { status: 'confirmed' });
    return countDiets(seatHolders.map((r) => ({ name: r.name, diet: r.diet })), withNames);
  }

  /** A badge per seat-holder, with a line per annotation they have (workshop, table…). */
  async badges(organiserId: string, conferenceId: string, lang: Language): Promise<Buffer> {
    const seatHolders = await this.search(organiserId, conferenceId, { status: 'confirmed' });
    const conference = await this.conferences.findById(conferenceId);
    const annotations = await AnnotationTable.load(this.extensions, conferenceId, seatHolders.map((r) => r.id), lang);
    const sorted = [...seatHolders].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return badgesPdf(
      conference.title,
      sorted.map((r) => ({ name: r.name, organisation: r.organisation, lines: annotations.present(r.id).map((a) => `${a.label}: ${a.value}`) })),
    );
  }

  // --- Fees ---

  async fees(organiserId: string, conferenceId: string): Promise<FeesReport> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    const candidates = await this.db
      .getRepository(Registration)
      .createQueryBuilder('r')
      .where(`r.conference_id = :conferenceId AND (r.status = 'confirmed' OR (r.status = 'cancelled' AND r.fee > 0))`, { conferenceId })
      .getMany();
    const items = feeItems(candidates, conference, this.clock.now());
    return { items, total: items.length, ...aggregateFees(items) };
  }

  async feesCsv(organiserId: string, conferenceId: string, lang: Language): Promise<string> {
    const report = await this.fees(organiserId, conferenceId);
    const header =
      lang === 'sv'
        ? ['Namn', 'E-post', 'Organisation', 'Orsak', 'Belopp (kr)', 'Efterskänkt', 'Motivering']
        : ['Name', 'E-mail', 'Organisation', 'Reason', 'Amount (SEK)', 'Waived', 'Waiver reason'];
    const reasons = lang === 'sv' ? { late_cancellation: 'sen avbokning', no_show: 'utebliven' } : { late_cancellation: 'late cancellation', no_show: 'no-show' };
    const kronor = (ore: number) => (ore / 100).toFixed(2).replace('.', lang === 'sv' ? ',' : '.');
    const yes = (b: boolean) => (lang === 'sv' ? (b ? 'ja' : 'nej') : b ? 'yes' : 'no');
    return toCsv(
      header,
      report.items.map((i) => [i.name, i.email, i.organisation, reasons[i.reason], kronor(i.amount), yes(i.waived), i.waiverReason]),
    );
  }

  /** Waives a late-cancellation or no-show fee; the reason is kept. */
  async waiveFee(organiserId: string, conferenceId: string, registrationId: string, reason: unknown): Promise<Registration> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text === '') throw new DomainError('invalid_reason', 'invalid', 'reason must say why the fee is waived', 'reason');
    if (text.length > 500) throw new DomainError('invalid_reason', 'invalid', 'reason must be at most 500 characters', 'reason');
    const existing = await this.find(conferenceId, registrationId);
    // A seat-holder may be excused before the end (e.g. reported ill); one who came owes nothing.
    const owesOrMayOwe = (existing.status === 'cancelled' && existing.fee > 0) || (existing.status === 'confirmed' && existing.checkedInAt === null);
    if (!owesOrMayOwe) throw nothingToWaive();
    const now = this.clock.now();
    await this.db.query(
      `UPDATE registration SET fee_waived_at = COALESCE(fee_waived_at, $3), fee_waiver_reason = $4, updated_at = $3
       WHERE id = $1 AND conference_id = $2`,
      [registrationId, conferenceId, now, text],
    );
    return this.find(conferenceId, registrationId);
  }

  /** A registration of this conference; anything else (or a malformed id) is a 404. */
  async find(conferenceId: string, registrationId: string, manager: EntityManager = this.db.manager): Promise<Registration> {
    if (typeof registrationId !== 'string' || !UUID.test(registrationId)) throw registrationNotInConference();
    const registration = await manager.getRepository(Registration).findOneBy({ id: registrationId, conferenceId });
    if (!registration) throw registrationNotInConference();
    return registration;
  }
}

