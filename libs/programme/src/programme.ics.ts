import ical, { ICalCalendarMethod } from 'ical-generator';
import { TIME_ZONE } from '@dialogdag/shared';
import type { Programme } from './programme.service';
import { KIND_LABELS } from './programme.render';
import { roomName } from './schedule.export';

/** Europe/Stockholm (EU rules since 1996), so calendars need not know the zone by name. */
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/**
 * A Date that shows Stockholm's wall clock through its local getters, in the shape ical-generator
 * recognises as a zoned date (like @date-fns/tz's TZDate). Plain Dates would be written in the
 * server's own zone under a TZID=Europe/Stockholm label.
 */
class StockholmDate extends Date {
  readonly internal: Date;
  private readonly parts: Record<string, number>;

  constructor(instant: Date) {
    super(instant.getTime());
    this.internal = new Date(instant.getTime());
    this.parts = Object.fromEntries(wallClock.formatToParts(instant).filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
  }

  withTimeZone(): StockholmDate {
    return this;
  }

  tzComponents() {
    return { ...this.parts };
  }

  override getFullYear(): number {
    return this.parts.year;
  }
  override getMonth(): number {
    return this.parts.month - 1;
  }
  override getDate(): number {
    return this.parts.day;
  }
  override getHours(): number {
    return this.parts.hour;
  }
  override getMinutes(): number {
    return this.parts.minute;
  }
  override getSeconds(): number {
    return this.parts.second;
  }
}

/** One event per programme item; the UID is the item's id, so re-imports update rather than duplicate. */
export function programmeCalendar(programme: Programme, publicUrl: string, lang: 'sv' | 'en' = 'sv'): string {
  const c = programme.conference;
  const host = new URL(publicUrl).hostname || 'dialogdag.local';
  const calendar = ical({
    name: c.title,
    prodId: { company: 'Dialogdag', product: 'programme', language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: TIME_ZONE, generator: () => STOCKHOLM_VTIMEZONE },
    url: `${publicUrl}/c/${c.slug}`,
  });
  for (const entry of programme.entries) {
    const { item } = entry;
    const speakers = entry.speakers.map((s) => [s.name, s.title, s.organisation].filter(Boolean).join(', '));
    calendar.createEvent({
      id: `${item.id}@${host}`,
      start: new StockholmDate(item.startsAt),
      end: new StockholmDate(item.endsAt),
      timezone: TIME_ZONE,
      stamp: new StockholmDate(item.updatedAt),
      lastModified: new StockholmDate(item.updatedAt),
      summary: item.title,
      description: [KIND_LABELS[lang][item.kind], item.description, ...speakers].filter(Boolean).join('\n'),
      location: [roomName(entry, c.venueName), item.room ? c.venueName : null, c.venueAddress, c.venueCity].filter(Boolean).join(', '),
      url: `${publicUrl}/c/${c.slug}/programme`,
    });
  }
  return calendar.toString();
}
