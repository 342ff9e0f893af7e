import type { Sector } from '@dialogdag/shared';

/** One participant as a report would count them; tests and the demo build conferences from these. */
export interface FixturePerson {
  organisation: string;
  sector: Sector;
  isPolitician?: boolean;
  politicalParty?: string;
  isVolunteer?: boolean;
  attended: boolean;
}

const many = (n: number, make: (i: number) => FixturePerson): FixturePerson[] => Array.from({ length: n }, (_, i) => make(i));

/**
 * "About 120 took part in Stockholm: about 80 represented civil-society organisations, about 30 the
 * public sector (among them local politicians) and about 10 business or other actors", made exact:
 * 130 seat-holders, 120 checked in; 41 organisations (22 civil-society), 6 municipalities, 2 regions, 6 politicians.
 */
export function stockholmPeople(): FixturePerson[] {
  const civil = [
    'Hyresgästföreningen Järva', 'Studieförbundet Vuxenskolan', 'ABF Stockholm', 'Röda Korset Stockholm', 'Rädda Barnen', 'Somaliska riksförbundet',
    'Kvinnors nätverk', 'Stockholms stadsmission', 'Föreningen Kompis Sverige', 'Verdandi Stockholm', 'IOGT-NTO', 'Sensus', 'Bilda', 'Studiefrämjandet',
    'Folkbildningsrådet', 'Afrosvenskarnas riksorganisation', 'Islamic Relief', 'Svenska kyrkan Rinkeby', 'Frivilligcentralen Tensta', 'Fryshuset',
    'Mentor Sverige', 'Riksförbundet Internationella Föreningar',
  ];
  const municipalities = ['Stockholms stad', 'Botkyrka kommun', 'Södertälje kommun', 'Huddinge kommun', 'Sundbybergs stad', 'Solna stad'];
  const people: FixturePerson[] = [
    ...many(80, (i) => ({ organisation: civil[i % civil.length], sector: 'civil_society', isVolunteer: i % 3 === 0, attended: true })),
    // The public sector: 30 who took part, 6 of them local politicians.
    ...many(12, (i) => ({
      organisation: municipalities[i % municipalities.length], sector: 'municipality', attended: true,
      ...(i < 5 ? { isPolitician: true, politicalParty: ['Socialdemokraterna', 'Moderaterna', 'Socialdemokraterna', 'Centerpartiet', 'Vänsterpartiet'][i] } : {}),
    })),
    ...many(3, (i) => ({ organisation: i === 2 ? 'Region Uppsala' : 'Region Stockholm', sector: 'region', attended: true, ...(i === 0 ? { isPolitician: true, politicalParty: 'Liberalerna' } : {}) })),
    ...many(4, () => ({ organisation: 'Länsstyrelsen i Stockholms län', sector: 'county_board', attended: true })),
    ...many(9, (i) => ({ organisation: ['Arbetsförmedlingen', 'Migrationsverket', 'Polisen', 'MUCF'][i % 4], sector: 'state_agency', attended: true })),
    ...many(2, () => ({ organisation: 'Regeringskansliet', sector: 'government_offices', attended: true })),
    // Business and others: 10 who took part.
    ...many(4, (i) => ({ organisation: ['Skanska', 'Ikea'][i % 2], sector: 'business', attended: true })),
    ...many(4, (i) => ({ organisation: ['Stockholms universitet', 'Södertörns högskola'][i % 2], sector: 'academia', attended: true })),
    ...many(2, () => ({ organisation: 'Fristående konsult', sector: 'other', attended: true })),
    // Ten seat-holders who never came.
    ...many(6, (i) => ({ organisation: civil[i], sector: 'civil_society', attended: false })),
    ...many(2, () => ({ organisation: 'Stockholms stad', sector: 'municipality', attended: false })),
    ...many(2, () => ({ organisation: 'Arbetsförmedlingen', sector: 'state_agency', attended: false })),
  ];
  return people;
}

/** What the Stockholm conference must read back as, wherever the figures appear. */
export const STOCKHOLM_EXPECTED = {
  registered: 130,
  attended: 120,
  attendedByParty: { civil_society: 80, local_regional: 15, state: 15, other: 10 },
  publicSectorAttended: 30,
  organisations: 41,
  municipalities: 6,
  regions: 2,
  politicians: 6,
} as const;

/** The grouped rows the registrations lib would hand out for these people (seat-holders, organisation keys folded). */
export function rowsOf(conferenceId: string, people: FixturePerson[]) {
  const rows = new Map<string, { conferenceId: string; sector: Sector; status: 'confirmed'; attended: boolean; isPolitician: boolean; politicalParty: string | null; organisationKey: string; count: number }>();
  for (const p of people) {
    const row = { conferenceId, sector: p.sector, status: 'confirmed' as const, attended: p.attended, isPolitician: !!p.isPolitician, politicalParty: p.politicalParty ?? null, organisationKey: p.organisation.trim().toLowerCase(), count: 0 };
    const key = JSON.stringify({ ...row, count: 0 });
    (rows.get(key) ?? rows.set(key, row).get(key)!).count += 1;
  }
  return [...rows.values()];
}
