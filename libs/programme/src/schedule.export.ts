import { createHash } from 'node:crypto';
import { formatClock, stockholmDateInput, TIME_ZONE, toStockholmIso } from '@dialogdag/shared';
import type { Programme, ProgrammeEntry } from './programme.service';

/**
 * The programme in the frab schedule format that pretalx, Giggity, EventFahrplan and other schedule apps read,
 * shaped to pass the voc/schedule validator's schema (test/fixtures/voc-schedule).
 */

/** frab / pretalx numeric ids (positive), derived from the UUID so they stay stable across exports. */
export function stableNumericId(uuid: string): number {
  return parseInt(createHash('sha256').update(uuid).digest('hex').slice(0, 12), 16) % 2_147_483_647 || 2_147_483_647;
}

/**
 * The schema's acronym: at least four of a–z, 0–9 and _, so a slug's dashes become underscores
 * and a short slug is padded.
 */
export function scheduleAcronym(slug: string): string {
  return slug.replace(/-/g, '_').padEnd(4, '_');
}

/** An event's slug as the validator wants it: "<acronym>-<id>-<title words>", ending in a letter or digit. */
export function eventSlug(acronym: string, id: number, title: string, fallback: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `${acronym}-${id}-${words || fallback}`;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesBetween = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 60000);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

export interface FrabPerson {
  id: number;
  guid: string;
  public_name: string;
}

export interface FrabEvent {
  guid: string;
  id: number;
  date: string;
  start: string;
  duration: string;
  room: string;
  slug: string;
  url: string;
  title: string;
  subtitle: string;
  track: string | null;
  type: string;
  language: string;
  abstract: string;
  description: string;
  persons: FrabPerson[];
  links: Array<{ url: string; title: string }>;
  attachments: Array<{ url: string; title: string }>;
}

export interface FrabDay {
  index: number;
  date: string;
  day_start: string;
  day_end: string;
  rooms: Record<string, FrabEvent[]>;
}

export interface FrabSchedule {
  schedule: {
    version: string;
    base_url: string;
    conference: {
      acronym: string;
      title: string;
      start: string;
      end: string;
      daysCount: number;
      timeslot_duration: string;
      time_zone_name: string;
      url: string;
      days: FrabDay[];
    };
  };
}

/** The room an item is shown in: plenary items (no room) are in a room named after the venue. */
export function roomName(entry: ProgrammeEntry, venueName: string): string {
  return entry.item.room ?? venueName;
}

function personLine(s: ProgrammeEntry['speakers'][number]): string {
  return [s.name, s.title, s.organisation].filter(Boolean).join(', ');
}

/** The schedule of a conference whose public pages live under `publicUrl`. */
export function frabSchedule(programme: Programme, publicUrl: string, language: string = 'sv'): FrabSchedule {
  const c = programme.conference;
  const conferenceUrl = `${publicUrl}/c/${c.slug}`;
  const acronym = scheduleAcronym(c.slug);
  const times = programme.entries.flatMap((e) => [minutesBetween(c.startsAt, e.startsAt), minutesBetween(e.startsAt, e.endsAt)]);
  const slot = times.reduce((g, m) => gcd(g, Math.abs(m)), 0) || 15;
  const days = new Map<string, ProgrammeEntry[]>();
  for (const entry of programme.entries) {
    const date = stockholmDateInput(entry.startsAt);
    days.set(date, [...(days.get(date) ?? []), entry]);
  }
  if (days.size === 0) days.set(stockholmDateInput(c.startsAt), []);
  const dayList = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  const event = (entry: ProgrammeEntry, room: string): FrabEvent => {
    const { item } = entry;
    const id = stableNumericId(item.id);
    return {
      guid: item.id,
      id,
      date: toStockholmIso(item.startsAt),
      start: formatClock(item.startsAt),
      duration: hhmm(minutesBetween(item.startsAt, item.endsAt)),
      room,
      slug: eventSlug(acronym, id, item.title, item.kind.replace(/_/g, '-')),
      url: `${conferenceUrl}/programme#item-${item.id}`,
      title: item.title,
      subtitle: entry.speakers.map(personLine).join('; '),
      track: null,
      type: item.kind,
      language,
      abstract: item.description,
      description: item.description,
      persons: entry.speakers.map((s) => ({ id: stableNumericId(s.id), guid: s.id, public_name: s.name })),
      links: [],
      attachments: [],
    };
  };
  return {
    schedule: {
      version: toStockholmIso(c.updatedAt),
      base_url: conferenceUrl,
      conference: {
        acronym,
        title: c.title,
        start: stockholmDateInput(c.startsAt),
        end: stockholmDateInput(c.endsAt),
        daysCount: dayList.length,
        timeslot_duration: hhmm(Math.min(slot, 60)),
        time_zone_name: TIME_ZONE,
        url: conferenceUrl,
        days: dayList.map(([date, entries], i) => {
          const rooms: Record<string, FrabEvent[]> = {};
          for (const entry of entries) {
            const room = roomName(entry, c.venueName);
            (rooms[room] ??= []).push(event(entry, room));
          }
          const first = i === 0 ? c.startsAt : entries[0].startsAt;
          const last = i === dayList.length - 1 ? c.endsAt : entries[entries.length - 1].endsAt;
          return { index: i + 1, date, day_start: toStockholmIso(first), day_end: toStockholmIso(last), rooms };
        }),
      },
    },
  };
}
