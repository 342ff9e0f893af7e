import { createHash } from 'node:crypto';
import { DomainError, ValidationFailed } from '@dialogdag/shared';
import { FieldErrors, validateForm } from '@dialogdag/web';
import { MessageDraftDto } from '../messages.dto';
import type { Draft } from '../messages.service';

/** The compose form as submitted: field names as in the page, repeated checkboxes as arrays. */
export type ComposeForm = Record<string, string | string[] | undefined>;

export const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]).filter(Boolean);
export const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** Reads the form into the API's draft shape, so the page and the API share one validation. */
export async function readComposeForm(form: ComposeForm): Promise<{ draft: Draft; errors: FieldErrors }> {
  const picked = list(form.picked);
  const ids = (prefix: string) => picked.filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
  const checkedIn = one(form.checkedIn);
  const previewAs = one(form.previewAs);
  const filter = picked.length
    ? { registrationIds: ids('r:'), speakerIds: ids('s:') }
    : {
        groups: list(form.groups),
        checkedIn: checkedIn === 'yes' ? true : checkedIn === 'no' ? false : undefined,
        sectors: list(form.sectors),
        parties: list(form.parties),
        volunteers: one(form.volunteers) || undefined,
        workshops: list(form.workshops),
        workshopRound: one(form.workshopRound) || undefined,
        tables: list(form.tables),
      };
  const plain = {
    subject: { sv: one(form['subject.sv']).trim() || undefined, en: one(form['subject.en']).trim() || undefined },
    body: { sv: one(form['body.sv']) || undefined, en: one(form['body.en']) || undefined },
    filter,
    registrationId: previewAs.startsWith('r:') ? previewAs.slice(2) : undefined,
    speakerId: previewAs.startsWith('s:') ? previewAs.slice(2) : undefined,
  };
  const { dto, errors } = await validateForm(MessageDraftDto, plain);
  return { draft: dto, errors };
}

/**
 * What was previewed, as a fingerprint: the send step carries it, and a send whose subject, body or
 * filter changed since the preview goes back to the preview instead of out.
 */
export function draftDigest(draft: Draft): string {
  const { subject, body, filter } = draft;
  return createHash('sha256').update(JSON.stringify({ subject, body, filter })).digest('hex').slice(0, 32);
}

/** Field errors for the form from a refusal of the services; anything else is not the form's business. */
export function errorsOf(error: unknown): FieldErrors {
  if (error instanceof ValidationFailed) return Object.fromEntries(error.problems.map((p) => [p.field, p.message]));
  if (error instanceof DomainError && error.category === 'invalid') return { [error.field ?? 'filter']: error.message };
  throw error;
}
