import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PersonalSectionContext, RegistrationExtensions } from '@dialogdag/registrations';
import { toStockholmIso } from '@dialogdag/shared';
import { WorkshopAssignment } from './workshop.entity';
import { WorkshopCatalogue } from './workshop-catalogue';
import { roundLabel } from './workshops.texts';

/**
 * The workshops section of "Download my data": the person's ranked choices and where they were placed.
 * Nothing about the others in their dialogue group, only its number. Workshops keep no free text about
 * a person, so there is nothing to clear on erasure: placements name a registration id only.
 */
@Injectable()
export class WorkshopsPersonalData implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly extensions: RegistrationExtensions,
    private readonly catalogue: WorkshopCatalogue,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalData({ key: 'workshops', collect: (context) => this.collect(context) });
  }

  async collect({ participant, conference, lang }: PersonalSectionContext) {
    const { workshops, blocks, rounds } = await this.catalogue.load(conference.id);
    const byId = new Map(workshops.map((w) => [w.id, w]));
    const placed = await this.db.getRepository(WorkshopAssignment).find({ where: { registrationId: participant.id }, order: { round: 'ASC' } });
    return {
      preferences: participant.workshopPreferences.map((id, i) => ({ rank: i + 1, workshopId: id, title: byId.get(id)?.title ?? null })),
      assignments: placed.map((a) => ({
        round: roundLabel(a.round, blocks, rounds, lang),
        workshopId: a.workshopId,
        title: byId.get(a.workshopId)?.title ?? null,
        room: byId.get(a.workshopId)?.room ?? null,
        dialogueGroup: a.dialogueGroup,
        choiceRank: a.rank,
        placedByOrganisers: a.locked,
        assignedAt: toStockholmIso(a.assignedAt),
      })),
    };
  }
}
