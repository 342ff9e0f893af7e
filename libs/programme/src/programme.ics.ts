import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { TIME_ZONE } from '@dialogdag/shared';
import type { Programme } from './programme.service';
import { PROGRAMME_TEXTS } from './programme.texts';
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

/** ical-generator writes a TZDate in its own zone's wall-clock time; a plain Date would come out in the server's zone. */
const stockholm = (date: Date) => new TZDate(date.getTime(), TIME_ZONE);

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
      start: stockholm(item.startsAt),
      end: stockholm(item.endsAt),
      timezone: TIME_ZONE,
      stamp: stockholm(item.updatedAt),
      lastModified: stockholm(item.updatedAt),
      summary: item.title,
      description: [PROGRAMME_TEXTS[lang].kinds[item.kind], item.description, ...speakers].filter(Boolean).join('\n'),
      location: [roomName(entry, c.venueName), item.room ? c.venueName : null, c.venueAddress, c.venueCity].filter(Boolean).join(', '),
      url: `${publicUrl}/c/${c.slug}/programme`,
    });
  }
  return calendar.toString();
}
