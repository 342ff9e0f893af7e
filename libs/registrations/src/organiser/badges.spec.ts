import { qrPng } from '@dialogdag/shared';
import { BADGES_PER_PAGE, badgesPdf, findUnicodeFonts } from './badges';

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Deltagare ${i}`, organisation: 'Malmö stad' }));

describe('name badges', () => {
  it('fills A4 pages with 2×4 badges, one empty page when nobody holds a seat', async () => {
    for (const [n, pages] of [[0, 1], [1, 1], [BADGES_PER_PAGE, 1], [BADGES_PER_PAGE + 1, 2], [3 * BADGES_PER_PAGE, 3]]) {
      const pdf = await badgesPdf('Dialogdag', people(n), null);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect([n, pageCount(pdf)]).toEqual([n, pages]);
    }
  });

  it('falls back to the built-in Helvetica when no Unicode font is installed', async () => {
    expect(findUnicodeFonts([{ regular: '/nonexistent/a.ttf', bold: '/nonexistent/b.ttf' }])).toBeNull();
    const pdf = (await badgesPdf('Dialogdag', people(1), null)).toString('latin1');
    expect(pdf).toContain('/BaseFont /Helvetica-Bold');
  });

  const installed = findUnicodeFonts();
  (installed ? it : it.skip)('embeds an installed Unicode font, so names such as Łukasz Şükrü Nguyễn print as written', async () => {
    const pdf = await badgesPdf('Dialogdag Malmö', [{ name: 'Łukasz Şükrü Nguyễn', organisation: 'جمعية — Föreningen' }], installed);
    const text = pdf.toString('latin1');
    expect(text).not.toContain('/BaseFont /Helvetica');
    expect(text).toMatch(/\/FontFile2/);
    expect(pageCount(pdf)).toBe(1);
  });
});

describe('badge lines', () => {
  /** The text of each TJ operator (hex strings split by kerning) of an uncompressed PDF with a built-in font. */
  const shownTexts = (pdf: Buffer) =>
    [...pdf.toString('latin1').matchAll(/\[(.*?)\] TJ/g)].map((m) =>
      [...m[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
    );

  it('prints a line per annotation under the organisation', async () => {
    const pdf = await badgesPdf('Dialogdag', [{ name: 'Bo Ek', organisation: 'Malmo stad', lines: ['Workshop: Halsa', 'Bord: 4'] }], null, { compress: false });
    expect(shownTexts(pdf)).toEqual(['Bo Ek', 'Malmo stad', 'Workshop: Halsa', 'Bord: 4', 'Dialogdag']);
    const without = await badgesPdf('Dialogdag', [{ name: 'Bo Ek', organisation: 'Malmo stad' }], null, { compress: false });
    expect(shownTexts(without)).toEqual(['Bo Ek', 'Malmo stad', 'Dialogdag']);
  });

  it('carries the check-in QR code as an image, with the code printed under it', async () => {
    const qr = qrPng('K7QM3XPD9RTA', 4);
    const pdf = await badgesPdf('Dialogdag', [{ name: 'Bo Ek', organisation: 'Malmo stad', checkIn: { code: 'K7QM-3XPD-9RTA', qr } }], null, { compress: false });
    expect(shownTexts(pdf)).toContain('K7QM-3XPD-9RTA');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });
});
