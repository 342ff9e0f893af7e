import PDFDocument from 'pdfkit';
import type { BadgeFonts } from '@dialogdag/registrations';
import type { SeatingTexts } from './seating.texts';

export interface CardPerson {
  name: string;
  organisation: string;
}

export interface TableCard {
  name: string;
  people: CardPerson[];
}

export interface FindYourTableRow {
  name: string;
  organisation: string;
  table: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;

/** Everyone in alphabetical order as a Swedish reader expects (å, ä, ö last), then by table. */
export function sortByName<T extends { name: string; table?: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.table ?? '').localeCompare(b.table ?? '', 'sv', { numeric: true }));
}

function document(title: string, fonts: BadgeFonts | null) {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, bufferPages: true, info: { Title: title } });
  const regular = fonts ? 'seating-regular' : 'Helvetica';
  const bold = fonts ? 'seating-bold' : 'Helvetica-Bold';
  if (fonts) {
    doc.registerFont(regular, fonts.regular);
    doc.registerFont(bold, fonts.bold);
  }
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, regular, bold, done };
}

/** One A4 page per table: the table's name large, then everyone seated there with their organisation. */
export function tableCardsPdf(conferenceTitle: string, cards: readonly TableCard[], t: SeatingTexts, fonts: BadgeFonts | null): Promise<Buffer> {
  const { doc, regular, bold, done } = document(`${t.cardsTitle} – ${conferenceTitle}`, fonts);
  const width = A4.width - 2 * MARGIN;
  for (const card of cards.length > 0 ? cards : [{ name: '', people: [] }]) {
    doc.addPage();
    doc.fillColor('#555555').font(regular).fontSize(12).text(conferenceTitle, MARGIN, MARGIN, { width, align: 'center' });
    doc.fillColor('#000000').font(bold).fontSize(48).text(card.name, MARGIN, MARGIN + 30, { width, align: 'center' });
    // Names shrink for a crowded table so that one page always holds them.
    const size = Math.max(8, Math.min(18, Math.floor(560 / Math.max(1, card.people.length) / 1.9)));
    let y = MARGIN + 130;
    for (const person of card.people) {
      doc.font(bold).fontSize(size).text(person.name, MARGIN, y, { width, lineBreak: false, ellipsis: true });
      doc.font(regular).fontSize(size * 0.75).fillColor('#444444').text(person.organisation, MARGIN, y + size * 1.1, { width, lineBreak: false, ellipsis: true });
      doc.fillColor('#000000');
      y += size * 1.9;
    }
  }
  doc.end();
  return done;
}

/** A name-sorted list of everyone with their table, for the entrance; page numbers at the foot. */
export function findYourTablePdf(conferenceTitle: string, rows: readonly FindYourTableRow[], t: SeatingTexts, fonts: BadgeFonts | null): Promise<Buffer> {
  const { doc, regular, bold, done } = document(`${t.listTitle} – ${conferenceTitle}`, fonts);
  const width = A4.width - 2 * MARGIN;
  const columns = [
    { x: MARGIN, width: width * 0.42 },
    { x: MARGIN + width * 0.44, width: width * 0.38 },
    { x: MARGIN + width * 0.84, width: width * 0.16 },
  ];
  const rowHeight = 18;
  const header = () => {
    doc.fillColor('#000000').font(bold).fontSize(20).text(`${t.listTitle} – ${conferenceTitle}`, MARGIN, MARGIN, { width, lineBreak: false, ellipsis: true });
    doc.font(bold).fontSize(11);
    [t.name, t.organisation, t.table].forEach((label, i) => doc.text(label, columns[i].x, MARGIN + 40, { width: columns[i].width, lineBreak: false }));
    doc.moveTo(MARGIN, MARGIN + 56).lineTo(A4.width - MARGIN, MARGIN + 56).lineWidth(0.5).stroke();
    return MARGIN + 62;
  };
  doc.addPage();
  let y = header();
  for (const row of sortByName(rows)) {
    if (y + rowHeight > A4.height - MARGIN - 20) {
      doc.addPage();
      y = header();
    }
    doc.font(regular).fontSize(11);
    [row.name, row.organisation, row.table].forEach((value, i) => doc.text(value, columns[i].x, y, { width: columns[i].width, lineBreak: false, ellipsis: true }));
    y += rowHeight;
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font(regular).fontSize(9).fillColor('#555555').text(t.page(i + 1, range.count), MARGIN, A4.height - MARGIN, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
