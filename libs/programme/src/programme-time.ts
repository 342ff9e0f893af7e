import { parseConferenceTime, stockholmDateInput, ValidationFailed } from '@dialogdag/shared';

/** A clock time ("13:15") means that time on the conference's (first) day in Stockholm. */
export function programmeTime(text: string, conference: { startsAt: Date }, field: string): Date {
  const value = text.trim();
  const clock = /^(\d{1,2}):(\d{2})$/.exec(value);
  const parsed = clock
    ? parseConferenceTime(`${stockholmDateInput(conference.startsAt)}T${clock[1].padStart(2, '0')}:${clock[2]}`)
    : parseConferenceTime(value);
  if (!parsed) throw new ValidationFailed([{ field, message: `${field} must be a time such as 13:15 or 2026-10-06T13:15:00+02:00.` }]);
  return parsed;
}

/** A room as shown: trimmed, inner white space collapsed; blank means none (plenary). */
export function cleanRoom(room: string | null | undefined): string | null {
  const cleaned = room?.trim().replace(/\s+/g, ' ');
  return cleaned ? cleaned : null;
}
