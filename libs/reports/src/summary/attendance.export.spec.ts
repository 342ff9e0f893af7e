import ExcelJS from 'exceljs';
import { headlinePanel } from '../pages/summary.render';
import { rowsOf, stockholmPeople } from '../testing/stockholm.fixture';
import { summaryCsv, summaryXlsx } from './attendance.export';
import { summariseAttendance, SummaryRow } from './attendance.rules';

const C = '00000000-0000-4000-8000-000000000001';
const hostile: SummaryRow = { conferenceId: C, sector: 'municipality', status: 'confirmed', attended: true, isPolitician: true, politicalParty: '=HYPERLINK("http://x")', organisationKey: 'k', count: 1 };

describe('summary exports', () => {
  it('neutralises formulas in CSV cells, with BOM, ; and CRLF', () => {
    const csv = summaryCsv(summariseAttendance(C, [hostile], true), '@Konferens', 'sv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")";1;1\r\n`);
    expect(csv).toContain("Konferens;'@Konferens\r\n");
  });

  it('keeps formula-like text as text in XLSX', async () => {
    const buffer = await summaryXlsx(summariseAttendance(C, [hostile], true), 'K', [{ sector: 'municipality', organisations: [{ organisationKey: 'k', name: '=1+1', registered: 1, attended: 1, politicians: 1 }] }], 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const cell = book.getWorksheet('Municipality or city district')!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=1+1');
  });
});

describe('headline panel', () => {
  it('shows seats, waiting list, parties, check-ins, fees owed, and a dash for claims until they are wired', () => {
    const summary = summariseAttendance(C, rowsOf(C, stockholmPeople()), false);
    const panel = headlinePanel({ capacity: 150, seatsHeld: 130, summary, feesOwed: 80000, claims: null }, C, 'sv').toString();
    expect(panel).toContain('<dt>Platser</dt><dd>130 / 150</dd>');
    expect(panel).toContain('<dt>Civilsamhället</dt><dd>86</dd>');
    expect(panel).toContain('<dt>Incheckade</dt><dd>120 / 130</dd>');
    expect(panel).toMatch(/<dt>Avgifter att ta ut<\/dt><dd>800 kr<\/dd>/);
    expect(panel).toContain('<dt>Reseersättningar</dt><dd>–</dd>');
    expect(headlinePanel({ capacity: 150, seatsHeld: 130, summary, feesOwed: 0, claims: { count: 3, approvedAmount: 150000 } }, C, 'en').toString()).toMatch(/<dt>Travel claims<\/dt><dd>3 \(SEK 1,500\)<\/dd>/);
  });
});
