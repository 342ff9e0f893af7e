import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ChoiceRound, RegistrationExtensions } from '@dialogdag/registrations';
import { Language } from '@dialogdag/shared';
import { MAX_CHOICES } from './algorithm/assignment.types';
import { choiceGroups } from './algorithm/choice-groups';
import { preferenceProblems } from './domain/preferences.rules';
import { WorkshopAssignment } from './workshop.entity';
import { WorkshopCatalogue } from './workshop-catalogue';
import { roundLabel, TEXTS } from './workshops.texts';

/**
 * Where workshops plug into registrations: the ranked choices offered on the
 * form and checked on every registration and change, each person's
 * workshop(s) and group shown wherever registrations list people, and places
 * that follow a seat: moved to the colleague on a transfer, freed on a cancellation.
 */
@Injectable()
export class WorkshopRegistrationHooks implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly extensions: RegistrationExtensions,
    private readonly catalogue: WorkshopCatalogue,
  ) {}

  onModuleInit(): void {
    this.extensions.setPreferenceProvider({
      rounds: (conferenceId, lang) => this.choiceRounds(conferenceId, lang),
      validate: async (conferenceId, preferences) => {
        const { workshops, rounds } = await this.catalogue.load(conferenceId);
        return preferenceProblems(preferences, workshops, rounds);
      },
    });
    this.extensions.addAnnotation({
      key: 'workshop',
      label: { sv: TEXTS.sv.annotationLabel, en: TEXTS.en.annotationLabel },
      values: (conferenceId, registrationIds) => this.annotations(conferenceId, registrationIds),
    });
    // Both run in the registration's transaction, which holds the conference's seat lock.
    this.extensions.onTransferred(async (manager, fromId, toId) => {
      await manager.query(`UPDATE workshop_assignment SET registration_id = $2 WHERE registration_id = $1`, [fromId, toId]);
    });
    this.extensions.onCancelled(async (manager, registrationId) => {
      await manager.getRepository(WorkshopAssignment).delete({ registrationId });
    });
  }

  /** One ranked choice per choice round: usually per round; rounds that share a repeated workshop are chosen for together. */
  async choiceRounds(conferenceId: string, lang: Language): Promise<ChoiceRound[]> {
    const { workshops, blocks, rounds } = await this.catalogue.load(conferenceId);
    return choiceGroups(rounds, workshops).map((group) => ({
      key: group.rounds.join('+'),
      label: group.rounds.map((r) => roundLabel(r, blocks, rounds, lang)).join(' + '),
      options: group.workshops.map((w) => {
        const full = workshops.find((x) => x.id === w.id);
        return { id: w.id, label: full?.theme ? `${full.title} – ${full.theme}` : (full?.title ?? w.id) };
      }),
      maxChoices: MAX_CHOICES,
    }));
  }

  /** "Hälsa, Sal B (2)": the workshop, its room and the person's dialogue group, round by round. */
  async annotations(conferenceId: string, registrationIds?: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    if (registrationIds && registrationIds.length === 0) return result;
    const { workshops, rounds } = await this.catalogue.load(conferenceId);
    const byId = new Map(workshops.map((w) => [w.id, w]));
    const order = new Map(rounds.map((r, i) => [r, i]));
    const rows = await this.db.getRepository(WorkshopAssignment).find({
      where: { conferenceId, ...(registrationIds ? { registrationId: In(registrationIds) } : {}) },
    });
    rows.sort((a, b) => (order.get(a.round) ?? 0) - (order.get(b.round) ?? 0));
    for (const row of rows) {
      const w = byId.get(row.workshopId);
      if (!w) continue;
      const text = `${w.title}${w.room ? `, ${w.room}` : ''}${row.dialogueGroup ? ` (${row.dialogueGroup})` : ''}`;
      const before = result.get(row.registrationId);
      result.set(row.registrationId, before ? `${before}; ${text}` : text);
    }
    return result;
  }
}
