import { PARTIES, Party, partyOf, SECTORS, Sector } from '@dialogdag/shared';

/**
 * Registrations counted together, as the registrations lib hands them out
 * (structurally its AttendanceRow): the summary never sees a person.
 */
export interface SummaryRow {
  conferenceId: string;
  sector: Sector;
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'transferred';
  attended: boolean;
  isPolitician: boolean;
  politicalParty: string | null;
  organisationKey: string;
  count: number;
}

export interface RegisteredAttended {
  registered: number;
  attended: number;
}
/** Politicians among the registered and among those who attended, for "30 from the public sector, among them 6 politicians". */
export interface WithPoliticians extends RegisteredAttended {
  politicians: number;
  attendedPoliticians: number;
}
export interface SectorCount extends WithPoliticians {
  sector: Sector;
}
export interface PartyCount extends WithPoliticians {
  party: Party;
}
export interface PoliticalPartyCount extends RegisteredAttended {
  politicalParty: string;
}

/** Distinct organisations, municipalities and regions, and politicians, among some group of people. */
export interface DistinctCounts {
  organisations: number;
  municipalities: number;
  regions: number;
  politicians: number;
}

export interface AttendanceFigures extends DistinctCounts {
  /** Seat-holders: confirmed, checked in or not. */
  registered: number;
  attended: number;
  cancelled: number;
  /** Seat-holders not checked in, once the conference has ended; 0 before. */
  noShows: number;
  waitlisted: number;
  bySector: SectorCount[];
  byParty: PartyCount[];
  /** Seat-holding politicians per political party where one was given, largest first. */
  politiciansByParty: PoliticalPartyCount[];
  /** The same distinct counts among those who were checked in: what "took part" means in a report. */
  amongAttended: DistinctCounts;
}

export interface AttendanceSummary extends AttendanceFigures {
  conferenceId: string;
  ended: boolean;
}

/** Counts that add up across conferences; distinct counts do not, so they come from the pooled rows. */
type Additive = Pick<AttendanceFigures, 'registered' | 'attended' | 'cancelled' | 'noShows' | 'waitlisted'>;

const emptyAdditive = (): Additive => ({ registered: 0, attended: 0, cancelled: 0, noShows: 0, waitlisted: 0 });

/** A politician's party as written, grouped without regard to case and spacing. */
const partyKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

function figures(rows: readonly SummaryRow[], additive: Additive): AttendanceFigures {
  const sectors = new Map<Sector, WithPoliticians>(SECTORS.map((s) => [s, { registered: 0, attended: 0, politicians: 0, attendedPoliticians: 0 }]));
  const registeredSets = distinctSets();
  const attendedSets = distinctSets();
  let politicians = 0;
  let attendedPoliticians = 0;
  const byPoliticalParty = new Map<string, RegisteredAttended & { spellings: Map<string, number> }>();
  for (const row of rows) {
    // Only seat-holders count in the breakdowns; a check-in without a seat cannot happen, and is ignored if it did.
    if (row.status !== 'confirmed' || row.count <= 0) continue;
    const sector = sectors.get(row.sector);
    if (!sector) continue;
    const attended = row.attended ? row.count : 0;
    sector.registered += row.count;
    sector.attended += attended;
    registeredSets.add(row);
    if (row.attended) attendedSets.add(row);
    if (!row.isPolitician) continue;
    politicians += row.count;
    attendedPoliticians += attended;
    sector.politicians += row.count;
    sector.attendedPoliticians += attended;
    const name = row.politicalParty?.trim().replace(/\s+/g, ' ');
    if (!name) continue;
    const key = partyKey(name);
    const entry = byPoliticalParty.get(key) ?? { registered: 0, attended: 0, spellings: new Map<string, number>() };
    entry.registered += row.count;
    entry.attended += attended;
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + row.count);
    byPoliticalParty.set(key, entry);
  }
  const bySector = SECTORS.map((sector) => ({ sector, ...sectors.get(sector)! }));
  const byParty = PARTIES.map((party) => {
    const members = bySector.filter((s) => partyOf(s.sector) === party);
    const total = (key: keyof WithPoliticians) => sum(members.map((m) => m[key]));
    return { party, registered: total('registered'), attended: total('attended'), politicians: total('politicians'), attendedPoliticians: total('attendedPoliticians') };
  });
  const politiciansByParty = [...byPoliticalParty.values()]
    .map((entry) => ({ politicalParty: mostCommon(entry.spellings), registered: entry.registered, attended: entry.attended }))
    .sort((a, b) => b.registered - a.registered || a.politicalParty.localeCompare(b.politicalParty, 'sv'));
  return {
    ...additive,
    bySector,
    byParty,
    ...registeredSets.counts(politicians),
    politiciansByParty,
    amongAttended: attendedSets.counts(attendedPoliticians),
  };
}

function distinctSets() {
  const organisations = new Set<string>();
  const municipalities = new Set<string>();
  const regions = new Set<string>();
  return {
    add(row: SummaryRow) {
      // An anonymised or blank organisation still counts as a person, but is no organisation.
      if (!row.organisationKey) return;
      organisations.add(row.organisationKey);
      if (row.sector === 'municipality') municipalities.add(row.organisationKey);
      if (row.sector === 'region') regions.add(row.organisationKey);
    },
    counts(politicians: number): DistinctCounts {
      return { organisations: organisations.size, municipalities: municipalities.size, regions: regions.size, politicians };
    },
  };
}

function additiveOf(rows: readonly SummaryRow[], ended: boolean): Additive {
  const totals = emptyAdditive();
  for (const row of rows) {
    if (row.count <= 0) continue;
    if (row.status === 'confirmed') {
      totals.registered += row.count;
      if (row.attended) totals.attended += row.count;
    } else if (row.status === 'cancelled') totals.cancelled += row.count;
    else if (row.status === 'waitlisted') totals.waitlisted += row.count;
    // 'transferred': the colleague's registration holds the seat and is counted instead.
  }
  totals.noShows = ended ? totals.registered - totals.attended : 0;
  return totals;
}

/** The attendance summary of one conference: the one computation behind the API, exports, pages, charts and report. */
export function summariseAttendance(conferenceId: string, rows: readonly SummaryRow[], ended: boolean): AttendanceSummary {
  const own = rows.filter((r) => r.conferenceId === conferenceId);
  return { conferenceId, ended, ...figures(own, additiveOf(own, ended)) };
}

export interface SeriesMember {
  conferenceId: string;
  title: string;
  place: string;
  startsAt: Date;
  ended: boolean;
}

export interface SeriesSummary {
  conferences: Array<SeriesMember & { summary: AttendanceSummary }>;
  /** Sums over the conferences; organisations, municipalities and regions counted once across the series. */
  totals: AttendanceFigures;
}

/** One row per conference (in date order) and totals for the series. */
export function summariseSeries(members: readonly SeriesMember[], rows: readonly SummaryRow[]): SeriesSummary {
  const ids = new Set(members.map((m) => m.conferenceId));
  const byConference = new Map<string, SummaryRow[]>();
  for (const row of rows) {
    if (!ids.has(row.conferenceId)) continue;
    const list = byConference.get(row.conferenceId);
    if (list) list.push(row);
    else byConference.set(row.conferenceId, [row]);
  }
  const conferences = [...members]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.title.localeCompare(b.title, 'sv'))
    .map((member) => ({ ...member, summary: summariseAttendance(member.conferenceId, byConference.get(member.conferenceId) ?? [], member.ended) }));
  const additive = emptyAdditive();
  for (const { summary } of conferences) for (const key of Object.keys(additive) as Array<keyof Additive>) additive[key] += summary[key];
  const pooled = conferences.flatMap((c) => byConference.get(c.conferenceId) ?? []);
  return { conferences, totals: figures(pooled, additive) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function mostCommon(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'sv'))[0][0];
}

export interface OrganisationCount extends RegisteredAttended {
  organisationKey: string;
  politicians: number;
}

/** Seat-holding organisations per sector (largest first), from the same rows: the detail behind the distinct counts. */
export function organisationsBySector(conferenceId: string, rows: readonly SummaryRow[]): Array<{ sector: Sector; organisations: OrganisationCount[] }> {
  const bySector = new Map<Sector, Map<string, OrganisationCount>>(SECTORS.map((s) => [s, new Map()]));
  for (const row of rows) {
    if (row.conferenceId !== conferenceId || row.status !== 'confirmed' || row.count <= 0 || !row.organisationKey) continue;
    const organisations = bySector.get(row.sector);
    if (!organisations) continue;
    const entry = organisations.get(row.organisationKey) ?? { organisationKey: row.organisationKey, registered: 0, attended: 0, politicians: 0 };
    entry.registered += row.count;
    if (row.attended) entry.attended += row.count;
    if (row.isPolitician) entry.politicians += row.count;
    organisations.set(row.organisationKey, entry);
  }
  return SECTORS.map((sector) => ({
    sector,
    organisations: [...bySector.get(sector)!.values()].sort((a, b) => b.registered - a.registered || a.organisationKey.localeCompare(b.organisationKey, 'sv')),
  }));
}
