import type { FastifyReply } from 'fastify';
import { DomainError } from '@dialogdag/shared';

export type ExportFormat = 'json' | 'csv' | 'xlsx';

export function parseExportFormat(format: unknown, allowed: ExportFormat[] = ['json', 'csv', 'xlsx']): ExportFormat {
  if (format === undefined || format === '') return 'json';
  if (allowed.includes(format as ExportFormat)) return format as ExportFormat;
  throw new DomainError('invalid_format', 'invalid', `format must be ${allowed.join(', ')}`, 'format');
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Files are personal data or drafts: never cached, always downloaded under a plain ASCII name. */
export function sendFile(reply: FastifyReply, type: string, filename: string, body: Buffer | string, disposition = 'attachment'): FastifyReply {
  return reply.header('Content-Type', type).header('Content-Disposition', `${disposition}; filename="${filename}"`).header('Cache-Control', 'no-store').send(body);
}

export const sendCsv = (reply: FastifyReply, filename: string, csv: string) => sendFile(reply, 'text/csv; charset=utf-8', filename, csv);
export const sendXlsx = (reply: FastifyReply, filename: string, body: Buffer) => sendFile(reply, XLSX_TYPE, filename, body);
