import { Injectable } from '@nestjs/common';
import { ConferencesService } from '@dialogdag/conferences';
import { Language, toStockholmIso } from '@dialogdag/shared';
import { roundRefOf } from './domain/rounds.rules';
import { RoundView } from './workshop.dto';
import { WorkshopCatalogue } from './workshop-catalogue';
import { roundLabel } from './workshops.texts';

/** The rounds of a conference as organisers see them. */
@Injectable()
export class WorkshopRounds {
  constructor(
    private readonly conferences: ConferencesService,
    private readonly catalogue: WorkshopCatalogue,
  ) {}

  async views(organiserId: string, conferenceId: string, lang: Language): Promise<RoundView[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const { workshops, blocks, rounds } = await this.catalogue.load(conferenceId);
    return rounds.map((key) => {
      const block = blocks.find((b) => b.id === key);
      return {
        round: roundRefOf(key),
        label: roundLabel(key, blocks, rounds, lang),
        programmeItemId: block?.id ?? null,
        startsAt: block ? toStockholmIso(block.startsAt) : null,
        endsAt: block ? toStockholmIso(block.endsAt) : null,
        workshopIds: workshops.filter((w) => w.rounds.includes(key)).map((w) => w.id),
      };
    });
  }
}
