import fc from 'fast-check';
import { csvCell, toCsv } from './csv';

/** A minimal reader for `;`-separated, double-quoted CSV, to check what Excel would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

/** Text made of what CSV and spreadsheets treat specially, and some ordinary letters. */
const cell = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', 'Å', ';', '"', '\r', '\n', '=', '+', '-', '@', '\t', ' ', ',', "'") }));

describe('csv', () => {
  it('writes a BOM, a header, `;` separators and CRLF line ends', () => {
    expect(toCsv(['Namn', 'Org'], [['Åsa', 'Kommun']])).toBe('\uFEFFNamn;Org\r\nÅsa;Kommun\r\n');
  });

  it('quotes separators, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=cmd|"/C calc"!A0')).toBe(`"'=cmd|""/C calc""!A0"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Malmö')).toBe('Malmö');
  });

  it('reads back every cell as written (formula starts prefixed), row by row', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const header = rows[0]?.map((_, i) => `h${i}`) ?? ['h0'];
        const body = rows.map((r) => header.map((_, i) => r[i] ?? ''));
        const parsed = parseCsv(toCsv(header, body).slice(1));
        expect(parsed).toEqual([header, ...body.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)))]);
        for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});
