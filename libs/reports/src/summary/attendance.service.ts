import { Injectable } from '@nestjs/common';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { OrganiserRegistrationsService, ParticipantsService } from '@dialogdag/registrations';
import { Clock, Language, Ore } from '@dialogdag/shared';
import { AttendanceSummary, OrganisationCount, organisationsBySector, summariseAttendance } from './attendance.rules';
import { summaryXlsx } from './attendance.export';

/** The at-a-glance figures for the conference's front page. */
export interface HeadlineFigures {
  capacity: number;
  seatsHeld: number;
  summary: AttendanceSummary;
  feesOwed: Ore;
  /** Travel claims: supplied by the reimbursements lib once the lead wires it in; null until then. */
  claims: { count: number; approvedAmount: Ore } | null;
}

@Injectable()
export class AttendanceService {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly clock: Clock,
  ) {}

  async summary(organiserId: string, conferenceId: string): Promise<{ conference: Conference; summary: AttendanceSummary }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.summaryOf(conferenceId);
  }

  /** For services that have already checked who is asking. */
  async summaryOf(conferenceId: string): Promise<{ conference: Conference; summary: AttendanceSummary }> {
    const conference = await this.conferences.findById(conferenceId);
    const rows = await this.participants.attendanceRows([conferenceId]);
    const ended = conference.endsAt.getTime() <= this.clock.now().getTime();
    return { conference, summary: summariseAttendance(conferenceId, rows, ended) };
  }

  async xlsx(organiserId: string, conferenceId: string, lang: Language): Promise<Buffer> {
    const { conference, summary } = await this.summary(organiserId, conferenceId);
    const rows = await this.participants.attendanceRows([conferenceId]);
    const names = await this.organisationNames(conferenceId);
    const withNames = organisationsBySector(conferenceId, rows).map(({ sector, organisations }) => ({
      sector,
      organisations: organisations.map((o: OrganisationCount) => ({ ...o, name: names.get(o.organisationKey) ?? o.organisationKey })),
    }));
    return summaryXlsx(summary, conference.title, withNames, lang);
  }

  /** Seats, waiting list, parties, check-ins, fees owed (and claims, later) for the front page panel. */
  async headline(organiserId: string, conferenceId: string, claims: HeadlineFigures['claims'] = null): Promise<HeadlineFigures> {
    const { conference, summary } = await this.summary(organiserId, conferenceId);
    const fees = await this.organiserRegistrations.fees(organiserId, conferenceId);
    return { capacity: conference.capacity, seatsHeld: conference.seatsHeld, summary, feesOwed: fees.totalAmount, claims };
  }

  /** Each organisation as most of its people wrote it (the rows carry only the folded key). */
  private async organisationNames(conferenceId: string): Promise<Map<string, string>> {
    const spellings = new Map<string, Map<string, number>>();
    for (const p of await this.participants.seatHolders(conferenceId)) {
      const name = p.organisation.trim();
      const key = name.toLowerCase();
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      spellings.set(key, counts);
    }
    return new Map([...spellings].map(([key, counts]) => [key, [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]]));
  }
}
