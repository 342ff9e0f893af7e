import { Language, Sector } from '@dialogdag/shared';
import { CATALOGUE } from '../i18n';
import type { AttendanceFigures } from '../summary/attendance.rules';

const PUBLIC_SECTORS: Sector[] = ['municipality', 'region', 'county_board', 'state_agency', 'government_offices'];

export function formatCount(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB').format(n);
}

/** "a, b och c" in Swedish; "a, b, and c" in English, whose parts may carry commas of their own. */
export function joinList(parts: string[], lang: Language): string {
  const and = CATALOGUE[lang].words.and;
  if (parts.length <= 1) return parts[0] ?? '';
  if (parts.length === 2) return `${parts[0].replace(/,$/, '')} ${and} ${parts[1]}`;
  const head = parts.slice(0, -1).map((p) => p.replace(/,$/, ''));
  return lang === 'en' ? `${head.join(', ')}, ${and} ${parts[parts.length - 1]}` : `${head.join(', ')} ${and} ${parts[parts.length - 1]}`;
}

/**
 * The report's paragraph on who took part, with the exact figures: "120 personer deltog: 80 från idéburna
 * organisationer, 30 från offentlig sektor (varav 6 förtroendevalda politiker) och 10 från näringsliv och övriga."
 * Before anyone is checked in it speaks of those registered instead.
 */
export function participantsText(figures: AttendanceFigures, lang: Language): string[] {
  const w = CATALOGUE[lang].words;
  const n = (value: number) => formatCount(value, lang);
  const took = figures.attended > 0;
  const count = (x: { registered: number; attended: number }) => (took ? x.attended : x.registered);
  const politiciansOf = (x: { politicians: number; attendedPoliticians: number }) => (took ? x.attendedPoliticians : x.politicians);
  const total = took ? figures.attended : figures.registered;
  if (total === 0) return [w.nobody];

  const party = Object.fromEntries(figures.byParty.map((p) => [p.party, p])) as Record<string, AttendanceFigures['byParty'][number]>;
  const publicCount = count(party.local_regional) + count(party.state);
  const publicPoliticians = politiciansOf(party.local_regional) + politiciansOf(party.state);
  const parts: string[] = [];
  if (count(party.civil_society) > 0) parts.push(w.from(n(count(party.civil_society)), w.groups.civilSociety));
  if (publicCount > 0) {
    const part = w.from(n(publicCount), w.groups.publicSector);
    parts.push(publicPoliticians > 0 ? w.withPoliticians(part, n(publicPoliticians)) : part);
  }
  if (count(party.other) > 0) parts.push(w.from(n(count(party.other)), w.groups.other));
  const opening = took ? w.tookPart(n(total)) : w.wereRegistered(n(total));
  const sentences = [`${opening}: ${joinList(parts, lang).replace(/,$/, '')}.`];

  if (publicCount > 0) {
    const detail = figures.bySector
      .filter((s) => PUBLIC_SECTORS.includes(s.sector) && count(s) > 0)
      .sort((a, b) => count(b) - count(a) || PUBLIC_SECTORS.indexOf(a.sector) - PUBLIC_SECTORS.indexOf(b.sector))
      .map((s) => w.from(n(count(s)), w.groups[s.sector as keyof typeof w.groups]));
    sentences.push(w.publicSectorDetail(joinList(detail, lang)));
  }

  const distinct = took ? figures.amongAttended : figures;
  if (distinct.organisations > 0) {
    const among = [
      ...(distinct.municipalities > 0 ? [w.municipalities(n(distinct.municipalities))] : []),
      ...(distinct.regions > 0 ? [w.regions(n(distinct.regions))] : []),
    ];
    sentences.push(w.represented(w.organisations(n(distinct.organisations)), joinList(among, lang)));
  }
  const allPoliticians = took ? figures.amongAttended.politicians : figures.politicians;
  if (allPoliticians > publicPoliticians) sentences.push(w.otherPoliticians(n(allPoliticians - publicPoliticians)));
  const parties = figures.politiciansByParty.filter((p) => count(p) > 0).map((p) => `${p.politicalParty} (${n(count(p))})`);
  if (parties.length > 0) sentences.push(w.politicalParties(joinList(parties, lang)));
  return [sentences.join(' ')];
}
