import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Clock, Language, qrPng, SECTOR_LABELS, toStockholmIso } from '@dialogdag/shared';
import { CheckInOptions, CheckInService } from '../check-in/check-in.service';
import { formatCheckInCode } from '../check-in/check-in-code';
import { AnnotationTable } from '../extensions/annotation-table';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { nothingToWaive, reasonMissing, reasonTooLong } from '../registration.errors';
import { RegisterDto } from '../registration.dto';
import { Registration } from '../registration.entity';
import { canWaiveFee } from '../registration.rules';
import { applyFilter, RegistrationFilter } from '../registration-filter';
import { RegistrationResult, RegistrationsService } from '../registrations.service';
import { badgesPdf } from './badges';
import { CsvValue, toCsv } from './csv';
import { countDiets, DietSummary } from './diets';
import { aggregateFees, FeeItem, feeItems, OrganisationFee } from './fees';

export { NotCheckable, registrationNotInConference } from '../registration.errors';

/** The list filters; the same as `RegistrationFilter`. */
export type OrganiserFilter = RegistrationFilter;

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
    private readonly door: CheckInService,
  ) {}

  // --- Check-in at the door (see CheckInService) ---

  checkIn(organiserId: string, conferenceId: string, registrationId: string, options: CheckInOptions = {}): Promise<Registration> {
    return this.door.checkIn(organiserId, conferenceId, registrationId, options);
  }

  undoCheckIn(organiserId: string, conferenceId: string, registrationId: string): Promise<Registration> {
    return this.door.undoCheckIn(organiserId, conferenceId, registrationId);
  }

  checkInCounts(organiserId: string, conferenceId: string): Promise<{ checkedIn: number; seatHolders: number }> {
    return this.door.counts(organiserId, conferenceId);
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

  /** By name; the same filter as the JSON list. */
  async search(organiserId: string, conferenceId: string, filter: OrganiserFilter): Promise<Registration[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return applyFilter(this.db.getRepository(Registration).createQueryBuilder('r'), conferenceId, filter)
      .orderBy('lower(r.name)', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
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

  /** A badge per seat-holder: a line per annotation they have (workshop, table…) and the QR code for the door. */
  async badges(organiserId: string, conferenceId: string, lang: Language): Promise<Buffer> {
    const seatHolders = await this.search(organiserId, conferenceId, { status: 'confirmed' });
    const conference = await this.conferences.findById(conferenceId);
    const annotations = await AnnotationTable.load(this.extensions, conferenceId, seatHolders.map((r) => r.id), lang);
    const sorted = [...seatHolders].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return badgesPdf(
      conference.title,
      sorted.map((r) => ({
        name: r.name,
        organisation: r.organisation,
        lines: annotations.present(r.id).map((a) => `${a.label}: ${a.value}`),
        checkIn: { code: formatCheckInCode(r.checkInCode), qr: qrPng(r.checkInCode, 4) },
      })),
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
    if (text === '') throw reasonMissing();
    if (text.length > 500) throw reasonTooLong();
    const existing = await this.find(conferenceId, registrationId);
    if (!canWaiveFee(existing)) throw nothingToWaive();
    const now = this.clock.now();
    await this.db.query(
      `UPDATE registration SET fee_waived_at = COALESCE(fee_waived_at, $3), fee_waiver_reason = $4, updated_at = $3
       WHERE id = $1 AND conference_id = $2`,
      [registrationId, conferenceId, now, text],
    );
    return this.find(conferenceId, registrationId);
  }

  /** A registration of this conference; anything else (or a malformed id) is a 404. */
  find(conferenceId: string, registrationId: string, manager: EntityManager = this.db.manager): Promise<Registration> {
    return this.door.find(conferenceId, registrationId, manager);
  }
}
