import { create } from 'xmlbuilder2';
import type { FrabEvent, FrabSchedule } from './schedule.export';

/**
 * The same schedule as frab's XML, in the order the voc/schedule XSD wants: the schedule's version, then
 * the conference (with its base_url, which the XSD allows only there), then one <day> per day.
 */
export function frabScheduleXml(schedule: FrabSchedule): string {
  const s = schedule.schedule;
  const c = s.conference;
  // Characters XML 1.0 cannot carry (control characters pasted into a title) are dropped.
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' }).ele('schedule');
  root.ele('version').txt(s.version);
  const conference = root.ele('conference');
  conference.ele('acronym').txt(c.acronym);
  conference.ele('title').txt(c.title);
  conference.ele('start').txt(c.start);
  conference.ele('end').txt(c.end);
  conference.ele('days').txt(String(c.daysCount));
  conference.ele('timeslot_duration').txt(c.timeslot_duration);
  conference.ele('time_zone_name').txt(c.time_zone_name);
  conference.ele('base_url').txt(s.base_url);
  conference.ele('url').txt(c.url);
  for (const day of c.days) {
    const dayElement = root.ele('day', { index: String(day.index), date: day.date, start: day.day_start, end: day.day_end });
    for (const [room, events] of Object.entries(day.rooms)) {
      const roomElement = dayElement.ele('room', { name: room });
      for (const e of events) addEvent(roomElement.ele('event', { guid: e.guid, id: String(e.id) }), e);
    }
  }
  return root.end({ prettyPrint: true }) + '\n';
}

type Element = ReturnType<ReturnType<typeof create>['ele']>;

function addEvent(event: Element, e: FrabEvent): void {
  const text: Array<[string, string]> = [
    ['date', e.date],
    ['start', e.start],
    ['duration', e.duration],
    ['room', e.room],
    ['slug', e.slug],
    ['url', e.url],
    ['title', e.title],
    ['subtitle', e.subtitle],
    ['track', e.track ?? ''],
    ['type', e.type],
    ['language', e.language],
    ['abstract', e.abstract],
    ['description', e.description],
  ];
  for (const [name, value] of text) event.ele(name).txt(value);
  const persons = event.ele('persons');
  for (const p of e.persons) persons.ele('person', { id: String(p.id), guid: p.guid }).txt(p.public_name);
  const links = event.ele('links');
  for (const l of e.links) links.ele('link', { href: l.url }).txt(l.title);
  const attachments = event.ele('attachments');
  for (const a of e.attachments) attachments.ele('attachment', { href: a.url }).txt(a.title);
}
