import { formatClock, toStockholmIso } from '@dialogdag/shared';
import { ProgrammeItemView, ProgrammeView, ProgrammeWarningView } from './programme.dto';
import { describeWarning, ProgrammeWarning } from './programme.rules';
import { PROGRAMME_TEXTS } from './programme.texts';
import type { Programme, ProgrammeEntry } from './programme.service';

export function toItemView(entry: ProgrammeEntry): ProgrammeItemView {
  const { item } = entry;
  return {
    id: item.id,
    conferenceId: item.conferenceId,
    startsAt: toStockholmIso(item.startsAt),
    endsAt: toStockholmIso(item.endsAt),
    kind: item.kind,
    title: item.title,
    description: item.description,
    room: item.room,
    speakers: entry.speakers.map((s) => ({ speakerId: s.id, name: s.name, title: s.title, organisation: s.organisation, role: s.role })),
  };
}

export function toProgrammeView(programme: Programme): ProgrammeView {
  const items = programme.entries.map(toItemView);
  const byId = new Map(items.map((i) => [i.id, i]));
  const m = programme.moderator;
  return {
    conferenceId: programme.conference.id,
    items,
    total: items.length,
    slots: programme.slots.map((slot) => ({
      startsAt: toStockholmIso(slot.startsAt),
      endsAt: toStockholmIso(slot.endsAt),
      items: slot.items.map((e) => byId.get(e.id)!),
    })),
    moderator: m ? { speakerId: m.id, name: m.name, title: m.title, organisation: m.organisation } : null,
  };
}

/** A warning as the item with id `from` sees it: naming the other item of the overlap. */
export function toWarningView(warning: ProgrammeWarning, from?: string): ProgrammeWarningView {
  const other = warning.inRoom.id === from ? warning.plenary : warning.inRoom;
  return { code: warning.reason, itemId: other.id, title: other.title, message: describeWarning(warning, PROGRAMME_TEXTS.en.clash, formatClock) };
}
