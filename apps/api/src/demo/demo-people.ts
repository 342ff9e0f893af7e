import type { Sector } from '@dialogdag/shared';

/** A demo participant: who they are and what they did; addresses are reserved example domains only. */
export interface DemoPerson {
  name: string;
  email: string;
  organisation: string;
  sector: Sector;
  isPolitician?: boolean;
  politicalParty?: string;
  isVolunteer?: boolean;
}

const FIRST = ['Amina', 'Erik', 'Fatima', 'Johan', 'Leila', 'Anders', 'Maria', 'Hassan', 'Sara', 'Mikael', 'Noor', 'Karin', 'Yusuf', 'Eva', 'Omar', 'Lena', 'Ali', 'Ingrid', 'Samira', 'Peter', 'Zeynep', 'Lars', 'Maja', 'Ahmed', 'Elin'];
const LAST = ['Hassan', 'Andersson', 'Ali', 'Johansson', 'Karlsson', 'Mohammed', 'Nilsson', 'Lindqvist', 'Yilmaz', 'Berg', 'Svensson', 'Haddad', 'Persson', 'Abdi', 'Larsson', 'Ekström', 'Khalil', 'Holm'];
const DOMAINS = ['example.org', 'example.com', 'example.net'];

export interface RegionProfile {
  key: string;
  civilSociety: string[];
  municipalities: string[];
  region: string;
  countyBoard: string;
  agencies: string[];
  business: string[];
  academia: string[];
}

export const VASTRA_GOTALAND: RegionProfile = {
  key: 'vg',
  civilSociety: [
    'Hyresgästföreningen Hjällbo', 'Studieförbundet Vuxenskolan Västra Götaland', 'ABF Göteborg', 'Röda Korset Göteborg', 'Rädda Barnen Angered',
    'Somaliska kvinnoföreningen', 'Göteborgs Stadsmission', 'Föreningen Kompis Sverige', 'Frivilligcentralen Bergsjön', 'Sensus Västra Sverige',
    'Bilda Sydväst', 'Islamiska förbundet i Göteborg', 'Svenska kyrkan Angered', 'KFUM Göteborg', 'Idéburna organisationers samverkansråd',
    'Internationella kvinnoföreningen', 'Läxhjälpen Göteborg', 'Fryshuset Göteborg', 'Assyriska föreningen Borås', 'IOGT-NTO Västra Götaland',
  ],
  municipalities: ['Göteborgs Stad', 'Borås stad', 'Trollhättans stad', 'Mölndals stad', 'Alingsås kommun', 'Kungälvs kommun'],
  region: 'Västra Götalandsregionen',
  countyBoard: 'Länsstyrelsen i Västra Götalands län',
  agencies: ['Arbetsförmedlingen', 'Migrationsverket', 'Polisen', 'Försäkringskassan'],
  business: ['Volvo Cars', 'Svenska Mässan'],
  academia: ['Göteborgs universitet', 'Högskolan Väst'],
};

export const SKANE: RegionProfile = {
  key: 'sk',
  civilSociety: [
    'Hyresgästföreningen Rosengård', 'ABF Malmö', 'Röda Korset Malmö', 'Rädda Barnen Malmö', 'Studieförbundet Vuxenskolan Skåne', 'Malmö Ideella Föreningars Paraply',
    'Frivilligcentralen Lund', 'Sensus Skåne-Blekinge', 'Bilda Syd', 'Kvinnojouren Malmö', 'Föreningen Kompis Sverige', 'Islamic Center Malmö',
    'Svenska kyrkan Malmö', 'KFUM Malmö', 'Läxhjälpen Malmö', 'IOGT-NTO Skåne',
  ],
  municipalities: ['Malmö stad', 'Helsingborgs stad', 'Lunds kommun', 'Landskrona stad', 'Kristianstads kommun'],
  region: 'Region Skåne',
  countyBoard: 'Länsstyrelsen Skåne',
  agencies: ['Arbetsförmedlingen', 'Migrationsverket', 'Polisen'],
  business: ['Skanska', 'Ikea'],
  academia: ['Lunds universitet', 'Malmö universitet'],
};

const PARTIES = ['Socialdemokraterna', 'Moderaterna', 'Centerpartiet', 'Vänsterpartiet', 'Liberalerna', 'Miljöpartiet', 'Kristdemokraterna'];

/**
 * About two thirds civil society, a quarter public sector (municipalities first, a few from the
 * region, the county board, agencies and the Government Offices), the rest business and research,
 * as the regional conferences' reports describe their rooms. Deterministic: the same demo every time.
 */
export function regionalPeople(region: RegionProfile, count: number): DemoPerson[] {
  const people: DemoPerson[] = [];
  const slots: Array<() => Omit<DemoPerson, 'name' | 'email'>> = [];
  const civil = Math.round(count * 0.62);
  const municipal = Math.round(count * 0.14);
  const state = Math.round(count * 0.12);
  for (let i = 0; i < civil; i++) slots.push(() => ({ organisation: region.civilSociety[i % region.civilSociety.length], sector: 'civil_society', isVolunteer: i % 3 !== 2 }));
  for (let i = 0; i < municipal; i++) {
    const politician = i % 4 === 0;
    slots.push(() => ({ organisation: region.municipalities[i % region.municipalities.length], sector: 'municipality', isPolitician: politician, ...(politician ? { politicalParty: PARTIES[(i / 4) % PARTIES.length] } : {}) }));
  }
  slots.push(() => ({ organisation: region.region, sector: 'region', isPolitician: true, politicalParty: PARTIES[1] }));
  slots.push(() => ({ organisation: region.region, sector: 'region' }));
  for (let i = 0; i < state; i++) {
    const kind = i % 4;
    slots.push(() =>
      kind === 0 ? { organisation: region.countyBoard, sector: 'county_board' }
        : kind === 3 && i < 8 ? { organisation: 'Regeringskansliet', sector: 'government_offices' }
          : { organisation: region.agencies[i % region.agencies.length], sector: 'state_agency' },
    );
  }
  while (slots.length < count) {
    const i = slots.length;
    slots.push(() => (i % 3 === 0 ? { organisation: region.academia[i % region.academia.length], sector: 'academia' } : i % 3 === 1 ? { organisation: region.business[i % region.business.length], sector: 'business' } : { organisation: 'Fristående konsult', sector: 'other' }));
  }
  slots.slice(0, count).forEach((make, i) => {
    const name = `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 11 + 3) % LAST.length]}`;
    const email = `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').replace(' ', '.')}.${region.key}${i + 1}@${DOMAINS[i % DOMAINS.length]}`;
    people.push({ name, email, ...make() });
  });
  return people;
}
