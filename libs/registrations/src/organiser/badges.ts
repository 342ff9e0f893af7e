import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

export interface Badge {
  name: string;
  organisation: string;
  /** Further short lines under the organisation, e.g. "Workshop: Hälsa", "Bord: 4". */
  lines?: string[];
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 28;
const COLUMNS = 2;
const ROWS = 4;
export const BADGES_PER_PAGE = COLUMNS * ROWS;
/** What fits between the organisation and the conference title. */
const MAX_LINES = 2;

export interface BadgeFonts {
  regular: string;
  bold: string;
}

/**
 * PDF's built-in Helvetica only knows Western European letters, so names such as Łukasz,
 * Şükrü, Nguyễn or names in Arabic script would print wrongly. A Unicode font installed on
 * the server (Debian: fonts-dejavu-core) is embedded instead when there is one.
 */
export const UNICODE_FONT_CANDIDATES: BadgeFonts[] = [
  { regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' },
  { regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf' },
  { regular: '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', bold: '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf' },
];

export function findUnicodeFonts(candidates: BadgeFonts[] = UNICODE_FONT_CANDIDATES): BadgeFonts | null {
  return candidates.find((fonts) => existsSync(fonts.regular) && existsSync(fonts.bold)) ?? null;
}

/** A4 sheets of 2×4 name badges (name large, organisation, conference title), with cut lines. */
export function badgesPdf(
  conferenceTitle: string,
  badges: Badge[],
  fonts: BadgeFonts | null = findUnicodeFonts(),
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, compress: options.compress ?? true, info: { Title: `Namnbrickor – ${conferenceTitle}` } });
    const regular = fonts ? 'badge-regular' : 'Helvetica';
    const bold = fonts ? 'badge-bold' : 'Helvetica-Bold';
    if (fonts) {
      doc.registerFont(regular, fonts.regular);
      doc.registerFont(bold, fonts.bold);
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const width = (A4.width - 2 * MARGIN) / COLUMNS;
    const height = (A4.height - 2 * MARGIN) / ROWS;
    const pages = Math.max(1, Math.ceil(badges.length / BADGES_PER_PAGE));
    for (let page = 0; page < pages; page++) {
      doc.addPage();
      badges.slice(page * BADGES_PER_PAGE, (page + 1) * BADGES_PER_PAGE).forEach((badge, i) => {
        const x = MARGIN + (i % COLUMNS) * width;
        const y = MARGIN + Math.floor(i / COLUMNS) * height;
        doc.save().lineWidth(0.5).dash(4, { space: 4 }).strokeColor('#999999').rect(x, y, width, height).stroke().restore();
        const inner = { width: width - 32, align: 'center' as const };
        doc.fillColor('#000000').font(bold).fontSize(24).text(badge.name, x + 16, y + 28, { ...inner, height: 62, ellipsis: true });
        doc.font(regular).fontSize(14).text(badge.organisation, x + 16, y + 94, { ...inner, height: 34, ellipsis: true });
        (badge.lines ?? []).slice(0, MAX_LINES).forEach((line, k) => {
          doc.font(regular).fontSize(11).text(line, x + 16, y + 128 + k * 15, { ...inner, height: 14, ellipsis: true });
        });
        doc.fillColor('#555555').fontSize(10).text(conferenceTitle, x + 16, y + height - 34, { ...inner, height: 14, ellipsis: true });
      });
    }
    doc.end();
  });
}
