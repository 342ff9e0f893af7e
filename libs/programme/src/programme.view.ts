import { toStockholmIso } from '@dialogdag/shared';
import { ProgrammeItemView, ProgrammeView } from './programme.dto';
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
