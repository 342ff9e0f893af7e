/** All conference times are interpreted and shown in Swedish time. */
export const TIME_ZONE = 'Europe/Stockholm';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(date: Date): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of Stockholm from UTC at the given instant, in minutes (60 or 120). */
export function stockholmOffsetMinutes(date: Date): number {
  const p = localParts(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** ISO 8601 in Stockholm time with its offset, e.g. 2026-10-06T09:00:00+02:00. */
export function toStockholmIso(date: Date): string {
  const p = localParts(date);
  const offset = stockholmOffsetMinutes(date);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The instant at which Stockholm's wall clock shows the given local time. */
export function fromStockholmLocal(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  // Two passes settle the offset, also across a DST change.
  let instant = guess - stockholmOffsetMinutes(new Date(guess)) * 60000;
  instant = guess - stockholmOffsetMinutes(new Date(instant)) * 60000;
  return new Date(instant);
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a time given as ISO 8601 with an offset, or as a Stockholm wall-clock
 * time without one ("2026-10-06T09:00"). A bare date means the end of that day
 * when `dateMeans` is 'endOfDay' (a deadline "by 17 November" includes the 17th).
 * Returns null when the text is not a valid time.
 */
export function parseConferenceTime(
  text: string,
  dateMeans: 'startOfDay' | 'endOfDay' = 'startOfDay',
): Date | null {
  const value = text.trim();
  if (ISO_WITH_OFFSET.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const local = LOCAL_DATE_TIME.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59 || (s || 0) > 59) return null;
    return fromStockholmLocal(y, mo, d, h, mi, s || 0);
  }
  const dateOnly = LOCAL_DATE.exec(value);
  if (dateOnly) {
    const [, y, mo, d] = dateOnly.map(Number);
    if (!validCalendarDate(y, mo, d)) return null;
    return dateMeans === 'endOfDay'
      ? new Date(fromStockholmLocal(y, mo, d, 23, 59, 59).getTime() + 999)
      : fromStockholmLocal(y, mo, d);
  }
  return null;
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "2026-10-06" and "09:00" as Stockholm shows them, for forms. */
export function stockholmDateInput(date: Date): string {
  const p = localParts(date);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

export function stockholmTimeInput(date: Date): string {
  const p = localParts(date);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2026-10-06T09:00" for <input type="datetime-local">. */
export function stockholmDateTimeInput(date: Date): string {
  return `${stockholmDateInput(date)}T${stockholmTimeInput(date)}`;
}

/** "tisdag 6 oktober 2026" / "Tuesday 6 October 2026". */
export function formatLongDate(date: Date, lang: 'sv' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** "6 oktober 2026 kl. 23.59" style, for deadlines. */
export function formatDateTime(date: Date, lang: 'sv' | 'en'): string {
  const day = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return lang === 'sv' ? `${day} kl. ${formatClock(date)}` : `${day}, ${formatClock(date)}`;
}

/** "09:00" in Stockholm. */
export function formatClock(date: Date): string {
  return stockholmTimeInput(date);
}
