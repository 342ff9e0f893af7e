import ExcelJS from 'exceljs';
import { formatLongDate, Language, PARTY_LABELS, SECTOR_LABELS } from '@dialogdag/shared';
import { CsvValue, toCsv } from '@dialogdag/registrations';
import { CATALOGUE } from '../i18n';
import type { AttendanceFigures, AttendanceSummary, OrganisationCount, SeriesSummary } from './attendance.rules';
import type { Sector } from '@dialogdag/shared';

type Row = CsvValue[];

/** The summary as label/value rows, then one block per breakdown: the layout shared by CSV and the XLSX figures sheet. */
function figureRows(f: AttendanceFigures, lang: Language, ended: boolean): Row[] {
  const t = CATALOGUE[lang].summary;
  return [
    [t.registered, f.registered],
    [t.attended, f.attended],
    [t.cancelled, f.cancelled],
    [t.noShows, ended ? f.noShows : 0],
    [t.waitlisted, f.waitlisted],
    [t.organisations, f.organisations, f.amongAttended.organisations],
    [t.municipalities, f.municipalities, f.amongAttended.municipalities],
    [t.regions, f.regions, f.amongAttended.regions],
    [t.politicians, f.politicians, f.amongAttended.politicians],
    [],
    [t.sector, t.legendRegistered, t.legendAttended],
    ...f.bySector.map((s) => [SECTOR_LABELS[s.sector][lang], s.registered, s.attended]),
    [],
    [t.party, t.legendRegistered, t.legendAttended],
    ...f.byParty.map((p) => [PARTY_LABELS[p.party][lang], p.registered, p.attended]),
    [],
    [t.politicalParty, t.legendRegistered, t.legendAttended],
    ...f.politiciansByParty.map((p) => [p.politicalParty, p.registered, p.attended]),
  ];
}

function header(lang: Language): string[] {
  const t = CATALOGUE[lang].summary;
  return [t.figure, t.value, t.amongAttended];
}

export function summaryCsv(summary: AttendanceSummary, title: string, lang: Language): string {
  return toCsv(header(lang), [[CATALOGUE[lang].series.conference, title], ...figureRows(summary, lang, summary.ended)]);
}

export function seriesCsv(series: SeriesSummary, title: string, lang: Language): string {
  const s = CATALOGUE[lang].series;
  const t = CATALOGUE[lang].summary;
  const parties = series.totals.byParty.map((p) => PARTY_LABELS[p.party][lang]);
  const head = [s.conference, s.place, s.date, t.registered, t.attended, ...parties.flatMap((p) => [`${p}: ${t.legendRegistered}`, `${p}: ${t.legendAttended}`]), t.organisations, t.municipalities, t.politicians];
  const line = (name: string, place: string, date: string, f: AttendanceFigures): Row => [
    name, place, date, f.registered, f.attended, ...f.byParty.flatMap((p) => [p.registered, p.attended]), f.organisations, f.municipalities, f.politicians,
  ];
  return toCsv(head, [
    ...series.conferences.map((c) => line(c.title, c.place, formatLongDate(c.startsAt, lang), c.summary)),
    line(`${s.totals}: ${title}`, '', '', series.totals),
  ]);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** A workbook with the figures on one sheet and each sector's organisations on a sheet of their own. */
export async function summaryXlsx(
  summary: AttendanceSummary,
  title: string,
  organisations: Array<{ sector: Sector; organisations: Array<OrganisationCount & { name: string }> }>,
  lang: Language,
): Promise<Buffer> {
  const t = CATALOGUE[lang].summary;
  const book = new ExcelJS.Workbook();
  book.creator = 'Dialogdag';
  const figures = book.addWorksheet(sheetName(t.sheetFigures));
  figures.addRow([title]).font = { bold: true, size: 14 };
  figures.addRow(header(lang)).font = { bold: true };
  for (const row of figureRows(summary, lang, summary.ended)) figures.addRow(row.map((v) => (v === null || v === undefined ? '' : v)));
  figures.getColumn(1).width = 42;
  for (const c of [2, 3]) figures.getColumn(c).width = 18;
  for (const { sector, organisations: list } of organisations) {
    const sheet = book.addWorksheet(sheetName(SECTOR_LABELS[sector][lang]));
    sheet.addRow([CATALOGUE[lang].summary.organisations, t.legendRegistered, t.legendAttended, t.politicians]).font = { bold: true };
    for (const o of list) sheet.addRow([o.name, o.registered, o.attended, o.politicians]);
    const sum = (key: 'registered' | 'attended' | 'politicians') => list.reduce((a, o) => a + o[key], 0);
    sheet.addRow([CATALOGUE[lang].common.total, sum('registered'), sum('attended'), sum('politicians')]).font = { bold: true };
    sheet.getColumn(1).width = 42;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
