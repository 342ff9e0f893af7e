import { Injectable } from '@nestjs/common';
import { ProgrammeService } from '@dialogdag/programme';
import { TablesService } from '@dialogdag/seating';
import { formatClock, Language } from '@dialogdag/shared';
import { WorkshopsService } from '@dialogdag/workshops';
import { TEXTS } from '../messages.texts';

export interface Choice {
  value: string;
  label: string;
}

/** What the compose page offers to narrow by: the conference's workshops, their rounds and its tables. */
export interface FilterChoices {
  workshops: Choice[];
  /** Offered only when the workshops run in more than one round. */
  rounds: Choice[];
  tables: Choice[];
}

@Injectable()
export class FilterChoiceLoader {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly tables: TablesService,
    private readonly programme: ProgrammeService,
  ) {}

  async load(organiserId: string, conferenceId: string, lang: Language): Promise<FilterChoices> {
    const [workshops, tables] = await Promise.all([this.workshops.list(organiserId, conferenceId), this.tables.list(organiserId, conferenceId)]);
    const roundRefs = [...new Set(workshops.flatMap((w) => w.rounds.map(String)))];
    const blocks = roundRefs.some((r) => !/^\d+$/.test(r)) ? (await this.programme.forConference(conferenceId)).entries : [];
    const roundLabel = (ref: string) => {
      const block = blocks.find((b) => b.id === ref);
      if (block) return `${block.title} ${formatClock(block.startsAt)}–${formatClock(block.endsAt)}`;
      return TEXTS[lang].compose.round(ref);
    };
    return {
      workshops: workshops.map((w) => ({ value: w.id, label: w.title })),
      rounds: roundRefs.length > 1 ? roundRefs.map((r) => ({ value: r, label: roundLabel(r) })) : [],
      tables: tables.map((t) => ({ value: t.id, label: t.name })),
    };
  }

  /** Names for the ids a stored filter holds, so it reads as the organiser chose it. */
  async names(organiserId: string, conferenceId: string): Promise<Map<string, string>> {
    const [workshops, tables] = await Promise.all([this.workshops.list(organiserId, conferenceId), this.tables.list(organiserId, conferenceId)]);
    return new Map([...workshops.map((w) => [w.id, w.title] as const), ...tables.map((t) => [t.id, t.name] as const)]);
  }
}
