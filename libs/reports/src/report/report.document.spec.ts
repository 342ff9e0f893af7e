import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summariseEvaluation, formFromLabels } from '../evaluation/evaluation.rules';
import { compileOutcomes } from '../notes/notes.rules';
import { summariseAttendance } from '../summary/attendance.rules';
import { rowsOf, stockholmPeople } from '../testing/stockholm.fixture';
import { buildReport, escapeMarkdown, ReportInput, toMarkdown } from './report.document';
import { reportPdf } from './report.pdf';

const C = '00000000-0000-4000-8000-000000000001';
const form = formFromLabels(['Helhetsintryck'], ['Vad var bäst?']);

const input: ReportInput = {
  conference: { title: 'Dialogkonferens Stockholm', startsAt: new Date('2012-03-15T08:00:00Z'), venueName: 'Folkets Hus', venueCity: 'Stockholm', arrangers: 'Länsstyrelsen' },
  summary: summariseAttendance(C, rowsOf(C, stockholmPeople()), true),
  programme: [
    { startsAt: new Date('2012-03-15T08:30:00Z'), endsAt: new Date('2012-03-15T08:45:00Z'), title: 'Välkommen', room: null, speakers: [{ name: 'Anna Svensson', title: 'Moderator', organisation: 'Fristående', role: 'moderator' }] },
  ],
  moderator: { name: 'Anna Svensson', title: 'Journalist', organisation: 'Fristående' },
  outcomes: compileOutcomes([{ theme: 'Arbete', groupName: 'Bord 1', obstacles: 'Språkkrav *för* höga', opportunities: 'Praktikplatser', proposals: '' }], 'Övrigt'),
  evaluation: summariseEvaluation(form, [{ ratings: { r1: 5 }, answers: { q1: 'Dialogen' } }, { ratings: { r1: 4 }, answers: {} }]),
};

describe('report draft', () => {
  it('holds the exact figures, programme, outcomes and evaluation in Markdown', () => {
    const md = toMarkdown(buildReport(input, 'sv'));
    expect(md).toContain('# Dialogkonferens Stockholm – sammanfattande rapport');
    expect(md).toContain('Konferensen hölls den 15 mars 2012 på Folkets Hus i Stockholm. Arrangörer: Länsstyrelsen.');
    expect(md).toContain('120 personer deltog: 80 från idéburna organisationer, 30 från offentlig sektor (varav 6 förtroendevalda politiker) och 10 från näringsliv och övriga.');
    expect(md).toContain('| Civilsamhället | 86 | 80 |');
    expect(md).toContain('- 09:30–09:45 Välkommen: Anna Svensson, Moderator, Fristående (moderator)');
    expect(md).toContain('- Språkkrav \\*för\\* höga');
    expect(md).toContain('- Helhetsintryck: 4,5 av 5 (2 svar)');
    expect(md).not.toContain('Reseersättningar');
    expect(toMarkdown(buildReport({ ...input, claims: { count: 3, approvedAmount: 123400 } }, 'sv'))).toContain('3 ansökningar om reseersättning, sammanlagt 1\u00a0234 kr.');
  });

  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdown('# Rubrik')).toBe('\\# Rubrik');
    expect(escapeMarkdown('- punkt')).toBe('\\- punkt');
    expect(escapeMarkdown('1. punkt')).toBe('1\\. punkt');
    expect(escapeMarkdown('<script>')).toBe('\\<script\\>');
  });

  it('makes a PDF that holds the same words', async () => {
    const pdf = await reportPdf(buildReport(input, 'sv'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync('/usr/bin/pdftotext')) return;
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('120 personer deltog: 80 från idéburna organisationer, 30 från offentlig sektor (varav 6 förtroendevalda politiker)');
  });
});
