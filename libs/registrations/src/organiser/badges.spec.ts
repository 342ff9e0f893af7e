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
