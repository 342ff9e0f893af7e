import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { PARALLEL_KINDS, ProgrammeService } from '@dialogdag/programme';
import { SpeakersService } from '@dialogdag/speakers';
import { InspirerView } from './workshop.dto';
import { Workshop, WorkshopInspirer } from './workshop.entity';
import { orderRounds, WorkshopBlock } from './domain/rounds.rules';

export interface ConferenceWorkshops {
  /** In the order they were added. */
  workshops: Workshop[];
  /** The programme's workshop blocks (items of kind workshop or group_work). */
  blocks: WorkshopBlock[];
  /** The rounds the workshops run in, in the order they happen. */
  rounds: string[];
}

/** Reads a conference's workshops with what gives them meaning: rounds, programme blocks, inspirers. No access check. */
@Injectable()
export class WorkshopCatalogue {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programme: ProgrammeService,
    private readonly speakers: SpeakersService,
  ) {}

  async load(conferenceId: string, manager: EntityManager = this.db.manager): Promise<ConferenceWorkshops> {
    const workshops = await manager.getRepository(Workshop).find({ where: { conferenceId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const blocks = await this.blocks(conferenceId, manager);
    return { workshops, blocks, rounds: orderRounds(workshops.flatMap((w) => w.rounds), blocks) };
  }

  async blocks(conferenceId: string, manager: EntityManager = this.db.manager): Promise<WorkshopBlock[]> {
    const programme = await this.programme.forConference(conferenceId, manager);
    return programme.entries
      .filter((e) => PARALLEL_KINDS.includes(e.item.kind))
      .map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, endsAt: e.endsAt }));
  }

  /** Each workshop's inspirers, in their order. */
  async inspirers(conferenceId: string, workshopIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, InspirerView[]>> {
    const result = new Map<string, InspirerView[]>(workshopIds.map((id) => [id, []]));
    if (workshopIds.length === 0) return result;
    const links = await manager.getRepository(WorkshopInspirer).find({ where: { workshopId: In(workshopIds) }, order: { position: 'ASC' } });
    const people = new Map(
      (await this.speakers.summaries(manager, conferenceId, [...new Set(links.map((l) => l.speakerId))])).map((s) => [s.id, s]),
    );
    for (const link of links) {
      const s = people.get(link.speakerId);
      if (s) result.get(link.workshopId)?.push({ speakerId: s.id, name: s.name, title: s.title, organisation: s.organisation });
    }
    return result;
  }
}
