import type { Conference } from '@dialogdag/conferences';
import { scheduleJsonProblems, scheduleXmlProblems } from '../../../test/support/schedule-validation';
import { programmeCalendar } from './programme.ics';
import type { ProgrammeItem } from './programme-item.entity';
import { groupIntoSlots, ProgrammeKind } from './programme.rules';
import type { Programme, ProgrammeEntry, ProgrammeEntrySpeaker } from './programme.service';
import { eventSlug, frabSchedule, scheduleAcronym, stableNumericId } from './schedule.export';
import { frabScheduleXml } from './schedule.xml';

// The last Sunday of October 2030: the clocks go back at 03:00, so the day is 25 hours long.
const at = (wall: string, offset = '+01:00') => new Date(`2030-10-27T${wall}:00${offset}`);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const conference = {
  id: uuid(1),
  slug: 'ab',
  title: 'Dialogkonferens <Skåne> & "Blekinge"',
  startsAt: at('01:00', '+02:00'),
  endsAt: at('16:00'),
  updatedAt: at('08:00'),
  venueName: 'Folkets Hus',
  venueAddress: 'Norra Grängesbergsgatan 12',
  venueCity: 'Malmö',
} as Conference;

const anna: ProgrammeEntrySpeaker = { id: uuid(100), name: 'Anna "Ankan" Svensson', title: 'Moderator', organisation: 'Fristående', role: 'moderator' };
const karl: ProgrammeEntrySpeaker = { id: uuid(101), name: 'Karl Åström', title: 'Länsråd', organisation: 'Länsstyrelsen', role: 'inspirer' };

function entry(n: number, kind: ProgrammeKind, title: string, startsAt: Date, endsAt: Date, room: string | null, speakers: ProgrammeEntrySpeaker[] = []): ProgrammeEntry {
  const item = { id: uuid(n), conferenceId: conference.id, kind, title, description: `Om ${title} – <b>fet</b> & kursiv`, startsAt, endsAt, room, createdAt: at('08:00'), updatedAt: at('08:00') } as ProgrammeItem;
  return { item, speakers, startsAt, endsAt, id: item.id, room, title };
}

const entries = [
  // 02:30 summer time, then the clocks go back: the "same" hour comes again in winter time.
  entry(10, 'registration', 'Nattregistrering', at('02:30', '+02:00'), at('02:45', '+02:00'), null),
  entry(11, 'welcome', 'Välkommen, alla!', at('09:00'), at('09:30'), null, [anna]),
  entry(12, 'workshop', 'Workshop: Bostad; hyra & ägande', at('13:00'), at('14:30'), 'Sal A', [karl]),
  entry(13, 'group_work', '!!!', at('13:00'), at('14:30'), 'Sal B'),
  entry(14, 'talk', 'Kontroll\u0007tecken', at('15:00'), at('15:45'), null),
];
const programme: Programme = { conference, entries, slots: groupIntoSlots(entries), moderator: anna, warnings: [] };
const PUBLIC_URL = 'https://dialogdag.example.org';

describe('frab schedule export', () => {
  it('validates against the voc/schedule JSON schema', () => {
    const schedule = frabSchedule(programme, PUBLIC_URL);
    expect(scheduleJsonProblems(schedule)).toEqual([]);
    expect(schedule.schedule.base_url).toBe('https://dialogdag.example.org/c/ab');
    expect(schedule.schedule.conference).toMatchObject({ acronym: 'ab__', start: '2030-10-27', end: '2030-10-27', daysCount: 1, time_zone_name: 'Europe/Stockholm' });
  });

  it('validates against the voc/schedule XSD (base_url inside <conference>)', async () => {
    const xml = frabScheduleXml(frabSchedule(programme, PUBLIC_URL));
    expect(await scheduleXmlProblems(xml)).toEqual([]);
    expect(xml).toMatch(/<conference>[\s\S]*<base_url>https:\/\/dialogdag\.example\.org\/c\/ab<\/base_url>[\s\S]*<\/conference>/);
    expect(xml).not.toMatch(/<\/version>\s*<base_url>/);
  });

  it('a broken document fails the same checks, so the checks can fail', async () => {
    const schedule = frabSchedule(programme, PUBLIC_URL);
    const broken = { schedule: { ...schedule.schedule, conference: { ...schedule.schedule.conference, acronym: 'a-b' } } };
    expect(scheduleJsonProblems(broken).join(' ')).toMatch(/acronym/);
    const xml = frabScheduleXml(schedule).replace('<conference>', '<base_url>https://x.example</base_url><conference>');
    expect((await scheduleXmlProblems(xml)).join(' ')).toMatch(/base_url/);
  });

  it('writes times in Stockholm wall-clock time across the change back to winter time', () => {
    const events = frabSchedule(programme, PUBLIC_URL).schedule.conference.days[0].rooms['Folkets Hus'];
    expect(events.map((e) => [e.date, e.start, e.duration])).toEqual([
      ['2030-10-27T02:30:00+02:00', '02:30', '00:15'],
      ['2030-10-27T09:00:00+01:00', '09:00', '00:30'],
      ['2030-10-27T15:00:00+01:00', '15:00', '00:45'],
    ]);
  });

  it('escapes text, drops characters XML cannot carry, and keeps ids and slugs stable', () => {
    const xml = frabScheduleXml(frabSchedule(programme, PUBLIC_URL));
    expect(xml).toContain('<title>Dialogkonferens &lt;Skåne&gt; &amp; "Blekinge"</title>');
    expect(xml).toContain('<title>Kontrolltecken</title>');
    expect(xml).toContain(`<person id="${stableNumericId(anna.id)}" guid="${anna.id}">Anna "Ankan" Svensson</person>`);
    expect(xml).toContain('<room name="Sal A">');
    const again = frabScheduleXml(frabSchedule(programme, PUBLIC_URL));
    expect(again).toBe(xml);
    expect(scheduleAcronym('dialogkonferens-goteborg')).toBe('dialogkonferens_goteborg');
    expect(eventSlug('ab__', 42, '!!!', 'group-work')).toBe('ab__-42-group-work');
    expect(eventSlug('ab__', 42, 'Workshop: Bostad; hyra & ägande', 'x')).toBe('ab__-42-workshop-bostad-hyra-agande');
    expect(stableNumericId(uuid(12))).toBe(stableNumericId(uuid(12)));
    expect(stableNumericId(uuid(12))).toBeGreaterThan(0);
  });
});

describe('iCalendar export', () => {
  const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
  const calendar = unfold(programmeCalendar(programme, PUBLIC_URL));
  const events = calendar.split('BEGIN:VEVENT').slice(1);

  it('has one event per item with the item id as UID, and the Stockholm time zone', () => {
    expect(events).toHaveLength(entries.length);
    expect(events.map((e) => /UID:(.*)\r\n/.exec(e)![1])).toEqual(entries.map((e) => `${e.id}@dialogdag.example.org`));
    expect(calendar).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm');
    expect(calendar).toContain('METHOD:PUBLISH');
  });

  it('writes Stockholm wall-clock times, before and after the clocks go back', () => {
    const starts = events.map((e) => /DTSTART[^:]*:(.*)\r\n/.exec(e)![0].trim());
    expect(starts).toEqual([
      'DTSTART;TZID=Europe/Stockholm:20301027T023000',
      'DTSTART;TZID=Europe/Stockholm:20301027T090000',
      'DTSTART;TZID=Europe/Stockholm:20301027T130000',
      'DTSTART;TZID=Europe/Stockholm:20301027T130000',
      'DTSTART;TZID=Europe/Stockholm:20301027T150000',
    ]);
  });

  it('escapes commas, semicolons and line breaks in text, and names room and venue', () => {
    const workshop = events[2];
    expect(workshop).toContain('SUMMARY:Workshop: Bostad\\; hyra & ägande');
    expect(workshop).toContain('LOCATION:Sal A\\, Folkets Hus\\, Norra Grängesbergsgatan 12\\, Malmö');
    expect(workshop).toContain('DESCRIPTION:Workshop\\nOm Workshop: Bostad\\; hyra & ägande – <b>fet</b> & kursiv\\nKarl Åström\\, Länsråd\\, Länsstyrelsen');
  });

  it('does not depend on the server’s own time zone', () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Tokyo';
      expect(unfold(programmeCalendar(programme, PUBLIC_URL))).toContain('DTSTART;TZID=Europe/Stockholm:20301027T023000');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
