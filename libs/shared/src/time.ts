import { TZDate, tzOffset } from '@date-fns/tz';
import { endOfDay, format, formatISO, isExists, isValid, parseISO } from 'date-fns';

/** All conference times are interpreted and shown in Swedish time. */
export const TIME_ZONE = 'Europe/Stockholm';

/** The same instant, with Stockholm's wall clock behind its getters (and date-fns' formatting). */
const inStockholm = (date: Date) => new TZDate(date.getTime(), TIME_ZONE);

/** Offset of Stockholm from UTC at the given instant, in minutes (60 or 120). */
export function stockholmOffsetMinutes(date: Date): number {
  return tzOffset(TIME_ZONE, date);
}

/** ISO 8601 in Stockholm time with its offset, e.g. 2026-10-06T09:00:00+02:00. */
export function toStockholmIso(date: Date): string {
  return formatISO(inStockholm(date));
}

/**
 * The instant at which Stockholm's wall clock shows the given local time. On the night of the change to
 * summer time a time in the skipped hour (02:30 on the last Sunday of March) means the same time an hour on
 * (03:30 summer time); in the hour repeated in October (02:00–03:00) it means the second, winter-time pass.
 */
export function fromStockholmLocal(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, second, TIME_ZONE).getTime());
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
    // date-fns refuses days a month lacks (2026-02-30), which Date's own parser rolls into March.
    const date = parseISO(value);
    return isValid(date) ? date : null;
  }
  const local = LOCAL_DATE_TIME.exec(value);
  if (local) {
    const [, y, mo, d, h, mi, s] = local.map(Number);
    if (!isExists(y, mo - 1, d) || h > 23 || mi > 59 || (s || 0) > 59) return null;
    return fromStockholmLocal(y, mo, d, h, mi, s || 0);
  }
  const dateOnly = LOCAL_DATE.exec(value);
  if (dateOnly) {
    const [, y, mo, d] = dateOnly.map(Number);
    if (!isExists(y, mo - 1, d)) return null;
    return dateMeans === 'endOfDay'
      ? new Date(endOfDay(new TZDate(y, mo - 1, d, TIME_ZONE)).getTime())
      : fromStockholmLocal(y, mo, d);
  }
  return null;
}

/** "2026-10-06" and "09:00" as Stockholm shows them, for forms. */
export function stockholmDateInput(date: Date): string {
  return format(inStockholm(date), 'yyyy-MM-dd');
}

export function stockholmTimeInput(date: Date): string {
  return format(inStockholm(date), 'HH:mm');
}

/** "2026-10-06T09:00" for <input type="datetime-local">. */
export function stockholmDateTimeInput(date: Date): string {
  return `${stockholmDateInput(date)}T${stockholmTimeInput(date)}`;
}

/**
 * Intl.DateTimeFormat objects with a time zone take some 50 µs to build and under 1 µs to use; each
 * registration e-mail formats several dates, so the formatters are built once per language.
 */
function cachedFormat(options: Intl.DateTimeFormatOptions, locale: (lang: 'sv' | 'en') => string) {
  const formats = new Map<'sv' | 'en', Intl.DateTimeFormat>();
  return (lang: 'sv' | 'en'): Intl.DateTimeFormat => {
    let format = formats.get(lang);
    if (!format) {
      format = new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, ...options });
      formats.set(lang, format);
    }
    return format;
  };
}

const swedishOrBritish = (lang: 'sv' | 'en') => (lang === 'sv' ? 'sv-SE' : 'en-GB');
const longDate = cachedFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, swedishOrBritish);
const dayMonthYear = cachedFormat({ day: 'numeric', month: 'long', year: 'numeric' }, swedishOrBritish);
/** "09:00" whatever the language (en-GB writes 24-hour time with a colon, as stockholmTimeInput does). */
const clock = cachedFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, () => 'en-GB');

/** "tisdag 6 oktober 2026" / "Tuesday 6 October 2026". */
export function formatLongDate(date: Date, lang: 'sv' | 'en'): string {
  return longDate(lang).format(date);
}

/** "6 oktober 2026 kl. 23.59" style, for deadlines. */
export function formatDateTime(date: Date, lang: 'sv' | 'en'): string {
  const day = dayMonthYear(lang).format(date);
  return lang === 'sv' ? `${day} kl. ${formatClock(date)}` : `${day}, ${formatClock(date)}`;
}

/** "09:00" in Stockholm: the same text as stockholmTimeInput, from a kept formatter (a tenth of the time). */
export function formatClock(date: Date): string {
  return clock('sv').format(date);
}
