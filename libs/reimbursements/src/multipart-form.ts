import type { FastifyRequest } from 'fastify';
import type { FastifyMultipartBaseOptions } from '@fastify/multipart';

// The parts API reads this option although its type leaves it out.
const KEEP_READING_PAST_THE_LIMIT: FastifyMultipartBaseOptions = { throwFileSizeLimit: false };

export type FormFields = Record<string, string | string[]>;

export interface UploadedForm {
  fields: FormFields;
  /** The first file chosen; a file input left empty sends none. */
  file: Buffer | null;
  /** Over the upload limit: the bytes were dropped, the rest of the form was still read. */
  fileTooLarge: boolean;
}

/**
 * Reads a multipart form to its end, also past a file over the limit (so the answer can name
 * the problem and keep what was typed); a urlencoded form gives its fields and no file.
 */
export async function readForm(request: FastifyRequest): Promise<UploadedForm> {
  if (!request.isMultipart()) return { fields: (request.body ?? {}) as FormFields, file: null, fileTooLarge: false };
  const fields: FormFields = {};
  let file: Buffer | null = null;
  let fileTooLarge = false;
  for await (const part of request.parts(KEEP_READING_PAST_THE_LIMIT as Parameters<FastifyRequest['parts']>[0])) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated) fileTooLarge = true;
      else if (!file && (part.filename || bytes.length > 0)) file = bytes;
      continue;
    }
    const value = String(part.value ?? '');
    const existing = fields[part.fieldname];
    fields[part.fieldname] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { fields, file, fileTooLarge };
}

export const fieldText = (fields: FormFields, name: string): string => {
  const value = fields[name];
  return (Array.isArray(value) ? value[0] : value ?? '').trim();
};

export const fieldList = (fields: FormFields, name: string): string[] => {
  const value = fields[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => v.trim()).filter(Boolean);
};
