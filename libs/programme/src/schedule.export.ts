import { createHash } from 'node:crypto';
import { formatClock, stockholmDateInput, TIME_ZONE, toStockholmIso } from '@dialogdag/shared';
import { escapeHtml } from '@dialogdag/web';
import type { Programme, ProgrammeEntry } from './programme.service';

/** frab / pretalx numeric ids, derived from the UUID so they stay stable across exports. */
export function stableNumericId(uuid: string): number {
  return parseInt(createHash('sha256').update(uuid).digest('hex').slice(0, 12), 16) % 2_147_483_647;
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
      days: Array<{ index: number; date: string; day_start: string; day_end: string; rooms: Record<string, FrabEvent[]> }>;
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

/** The programme in the frab schedule format that pretalx, Giggity and other schedule apps read. */
export function frabSchedule(programme: Programme, baseUrl: string, language: string = 'sv'): FrabSchedule {
  const c = programme.conference;
  const times = programme.entries.flatMap((e) => [minutesBetween(c.startsAt, e.startsAt), minutesBetween(e.startsAt, e.endsAt)]);
  const slot = times.reduce((g, m) => gcd(g, Math.abs(m)), 0) || 15;
  const days = new Map<string, ProgrammeEntry[]>();
  for (const entry of programme.entries) {
    const date = stockholmDateInput(entry.startsAt);
    days.set(date, [...(days.get(date) ?? []), entry]);
  }
  if (days.size === 0) days.set(stockholmDateInput(c.startsAt), []);
  const dayList = [...days.entries()].sort(([a], [b]) => a.localeCompare(b));
  return {
    schedule: {
      version: toStockholmIso(c.updatedAt),
      base_url: baseUrl,
      conference: {
        acronym: c.slug,
        title: c.title,
        start: stockholmDateInput(c.startsAt),
        end: stockholmDateInput(c.endsAt),
        daysCount: dayList.length,
        timeslot_duration: hhmm(Math.min(slot, 60)),
        time_zone_name: TIME_ZONE,
        days: dayList.map(([date, entries], i) => {
          const rooms: Record<string, FrabEvent[]> = {};
          for (const entry of entries) {
            const room = roomName(entry, c.venueName);
            (rooms[room] ??= []).push(frabEvent(entry, room, c.slug, language));
          }
          const first = i === 0 ? c.startsAt : entries[0].startsAt;
          const last = i === dayList.length - 1 ? c.endsAt : entries[entries.length - 1].endsAt;
          return { index: i + 1, date, day_start: toStockholmIso(first), day_end: toStockholmIso(last), rooms };
        }),
      },
    },
  };
}

function frabEvent(entry: ProgrammeEntry, room: string, conferenceSlug: string, language: string): FrabEvent {
  const { item } = entry;
  const titleSlug = item.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const id = stableNumericId(item.id);
  return {
    guid: item.id,
    id,
    date: toStockholmIso(item.startsAt),
    start: formatClock(item.startsAt),
    duration: hhmm(minutesBetween(item.startsAt, item.endsAt)),
    room,
    slug: `${conferenceSlug}-${id}-${titleSlug || item.kind}`,
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
}

// eslint-disable-next-line no-control-regex
const x = (text: string | number | null) => escapeHtml(String(text ?? '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));

/** The same schedule as frab's XML (`<schedule><conference>…</conference><day …><room name=…><event …>`). */
export function frabScheduleXml(schedule: FrabSchedule): string {
  const s = schedule.schedule;
  const c = s.conference;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `  <version>${x(s.version)}</version>`,
    `  <base_url>${x(s.base_url)}</base_url>`,
    '  <conference>',
    `    <acronym>${x(c.acronym)}</acronym>`,
    `    <title>${x(c.title)}</title>`,
    `    <start>${x(c.start)}</start>`,
    `    <end>${x(c.end)}</end>`,
    `    <days>${c.daysCount}</days>`,
    `    <timeslot_duration>${x(c.timeslot_duration)}</timeslot_duration>`,
    `    <time_zone_name>${x(c.time_zone_name)}</time_zone_name>`,
    '  </conference>',
  ];
  for (const day of c.days) {
    lines.push(`  <day index="${day.index}" date="${x(day.date)}" start="${x(day.day_start)}" end="${x(day.day_end)}">`);
    for (const [room, events] of Object.entries(day.rooms)) {
      lines.push(`    <room name="${x(room)}">`);
      for (const e of events) {
        lines.push(
          `      <event guid="${x(e.guid)}" id="${e.id}">`,
          `        <date>${x(e.date)}</date>`,
          `        <start>${x(e.start)}</start>`,
          `        <duration>${x(e.duration)}</duration>`,
          `        <room>${x(e.room)}</room>`,
          `        <slug>${x(e.slug)}</slug>`,
          `        <title>${x(e.title)}</title>`,
          `        <subtitle>${x(e.subtitle)}</subtitle>`,
          `        <track>${x(e.track)}</track>`,
          `        <type>${x(e.type)}</type>`,
          `        <language>${x(e.language)}</language>`,
          `        <abstract>${x(e.abstract)}</abstract>`,
          `        <description>${x(e.description)}</description>`,
          `        <persons>${e.persons.map((p) => `<person id="${p.id}" guid="${x(p.guid)}">${x(p.public_name)}</person>`).join('')}</persons>`,
          '        <links></links>',
          '        <attachments></attachments>',
          '      </event>',
        );
      }
      lines.push('    </room>');
    }
    lines.push('  </day>');
  }
  lines.push('</schedule>', '');
  return lines.join('\n');
}
