/** Sectors as counted in the conference reports; see shared/DOMAIN.md. */
export const SECTORS = [
  'civil_society',
  'municipality',
  'region',
  'county_board',
  'state_agency',
  'government_offices',
  'business',
  'academia',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** The three parties that meet as equals, and everybody else. */
export const PARTIES = ['civil_society', 'local_regional', 'state', 'other'] as const;
export type Party = (typeof PARTIES)[number];

export function partyOf(sector: Sector): Party {
  switch (sector) {
    case 'civil_society':
      return 'civil_society';
    case 'municipality':
    case 'region':
      return 'local_regional';
    case 'county_board':
    case 'state_agency':
    case 'government_offices':
      return 'state';
    case 'business':
    case 'academia':
    case 'other':
      return 'other';
  }
}

export const SECTOR_LABELS: Record<Sector, { sv: string; en: string }> = {
  civil_society: { sv: 'Idéburen organisation', en: 'Civil society organisation' },
  municipality: { sv: 'Kommun eller stadsdel', en: 'Municipality or city district' },
  region: { sv: 'Region', en: 'Region' },
  county_board: { sv: 'Länsstyrelse', en: 'County administrative board' },
  state_agency: { sv: 'Statlig myndighet', en: 'State agency' },
  government_offices: { sv: 'Regeringskansliet', en: 'Government Offices' },
  business: { sv: 'Näringsliv', en: 'Business' },
  academia: { sv: 'Högskola eller universitet', en: 'University or research' },
  other: { sv: 'Övriga', en: 'Other' },
};

export const PARTY_LABELS: Record<Party, { sv: string; en: string }> = {
  civil_society: { sv: 'Civilsamhället', en: 'Civil society' },
  local_regional: { sv: 'Kommuner och regioner', en: 'Municipalities and regions' },
  state: { sv: 'Staten', en: 'State' },
  other: { sv: 'Näringsliv och övriga', en: 'Business and others' },
};
