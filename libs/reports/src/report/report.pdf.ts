import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ReportDocument } from './report.document';

/** Installed Unicode fonts, so names beyond Western European letters print as written; Helvetica otherwise. */
const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular'];

function unicodeFonts(): { regular: string; bold: string } | null {
  for (const base of FONT_DIRS) {
    const regular = `${base}.ttf`;
    const bold = base.endsWith('-Regular') ? base.replace(/-Regular$/, '-Bold.ttf') : `${base}-Bold.ttf`;
    if (existsSync(regular) && existsSync(bold)) return { regular, bold };
  }
  return null;
}

const MARGIN = 56;
const SIZES = { 1: 18, 2: 14, 3: 12 } as const;

/** The report draft as an A4 PDF, block for block as in the Markdown. */
export function reportPdf(doc: ReportDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: doc.title, Creator: 'Dialogdag' } });
    const fonts = unicodeFonts();
    const regular = fonts ? 'report-regular' : 'Helvetica';
    const bold = fonts ? 'report-bold' : 'Helvetica-Bold';
    if (fonts) {
      pdf.registerFont(regular, fonts.regular);
      pdf.registerFont(bold, fonts.bold);
    }
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    const width = pdf.page.width - 2 * MARGIN;
    for (const block of doc.blocks) {
      switch (block.kind) {
        case 'heading':
          pdf.moveDown(block.level === 1 ? 0 : 0.8).font(bold).fontSize(SIZES[block.level]).text(block.text, { width });
          pdf.moveDown(0.3);
          break;
        case 'paragraph':
          pdf.font(regular).fontSize(11).text(block.text, { width, lineGap: 2 });
          pdf.moveDown(0.5);
          break;
        case 'list':
          pdf.font(regular).fontSize(11).list(block.items, { width, bulletRadius: 2, textIndent: 12, lineGap: 2 });
          pdf.moveDown(0.5);
          break;
        case 'table': {
          const first = width * 0.5;
          const rest = (width - first) / Math.max(1, block.header.length - 1);
          const columnX = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
          const row = (cells: string[], font: string) => {
            if (pdf.y > pdf.page.height - MARGIN - 20) pdf.addPage();
            const y = pdf.y;
            pdf.font(font).fontSize(10);
            cells.forEach((cell, i) => pdf.text(cell, columnX(i), y, { width: i === 0 ? first - 6 : rest - 6, align: i === 0 ? 'left' : 'right', lineBreak: false }));
            pdf.x = MARGIN;
            pdf.y = y + 15;
          };
          row(block.header, bold);
          pdf.moveTo(MARGIN, pdf.y - 2).lineTo(MARGIN + width, pdf.y - 2).lineWidth(0.5).strokeColor('#888888').stroke();
          for (const cells of block.rows) row(cells, regular);
          pdf.moveDown(0.8);
          break;
        }
      }
    }
    pdf.end();
  });
}
