import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource, EntityManager } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { Participant, ParticipantsService } from '@dialogdag/registrations';
import { Clock, DomainError, toStockholmIso } from '@dialogdag/shared';
import { groupForNewcomer } from './algorithm/dialogue-groups';
import { AssignmentItemView, AssignmentView } from './assignment.dto';
import { changesSinceRun } from './domain/changes.rules';
import { planAssignment, PlannedPlace } from './domain/plan';
import { choiceRank, placementProblem, placementRound } from './domain/placement.rules';
import { roundKeyOf, roundRefOf } from './domain/rounds.rules';
import { Workshop, WorkshopAssignment, WorkshopRun } from './workshop.entity';
import { assignmentTooLarge, noWorkshops, notASeatHolder, participantNotFound, roundRequired, workshopNotFound } from './workshop.errors';
import { WorkshopCatalogue } from './workshop-catalogue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs the assignment and keeps its result; places people by hand. Writers
 * take the conference's seat lock first, as cancellations and transfers do,
 * so a run sees one consistent set of seat holders and a manual placement
 * checks a capacity no concurrent write can change.
 */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly catalogue: WorkshopCatalogue,
  ) {}

  /** Replaces every unlocked place with a new optimal assignment, and records the run. */
  async run(organiserId: string, conferenceId: string): Promise<AssignmentView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      const { workshops, rounds } = await this.catalogue.load(conferenceId, manager);
      if (workshops.length === 0) throw noWorkshops();
      const people = await this.participants.seatHolders(conferenceId);
      const locked = (await manager.getRepository(WorkshopAssignment).find({ where: { conferenceId, locked: true } })).map((a) => ({
        participantId: a.registrationId,
        workshopId: a.workshopId,
        round: a.round,
      }));
      const started = performance.now();
      const { places, metrics } = plan(() =>
        planAssignment(
          workshops,
          rounds,
          people.map((p) => ({ id: p.id, createdAt: p.createdAt, party: p.party, organisation: p.organisation, preferences: p.workshopPreferences })),
          locked,
        ),
      );
      const durationMs = performance.now() - started;
      const now = this.clock.now();
      await manager.getRepository(WorkshopAssignment).delete({ conferenceId });
      await insertPlaces(manager, conferenceId, places, now);
      await manager.getRepository(WorkshopRun).insert({
        conferenceId,
        ranAt: now,
        durationMs,
        metrics,
        snapshot: people.map((p) => ({ id: p.id, preferences: p.workshopPreferences })),
      });
    });
    return this.view(conferenceId);
  }

  async current(organiserId: string, conferenceId: string): Promise<AssignmentView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.view(conferenceId);
  }

  /**
   * Puts a seat holder in a workshop by hand (replacing their place in that
   * round), with the assignment's rules re-checked; locked by default, so
   * later runs keep it. The person joins the dialogue group that suits the mix best.
   */
  async place(
    organiserId: string,
    conferenceId: string,
    registrationId: string,
    input: { workshopId: string; round?: number | string; locked?: boolean },
  ): Promise<AssignmentItemView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      const person = await this.seatHolder(conferenceId, registrationId);
      const { workshops, rounds } = await this.catalogue.load(conferenceId, manager);
      const workshop = workshops.find((w) => w.id === input.workshopId.toLowerCase());
      if (!workshop) throw workshopNotFound();
      const round = placementRound(input.round == null ? undefined : roundKeyOf(input.round), workshop.rounds);
      if (round === null) throw roundRequired();
      const places = manager.getRepository(WorkshopAssignment);
      const others = (await places.find({ where: { workshopId: workshop.id, round } })).filter((p) => p.registrationId !== person.id);
      const mine = await places.find({ where: { registrationId: person.id } });
      const problem = placementProblem({
        workshop,
        round,
        taken: others.length,
        attendsInAnotherRound: mine.some((p) => p.workshopId === workshop.id && p.round !== round),
      });
      if (problem) throw new DomainError(problem.code, problem.category, problem.message, problem.field);
      const group = await this.groupFor(conferenceId, workshop, others, person);
      const place: PlannedPlace = {
        registrationId: person.id,
        workshopId: workshop.id,
        round,
        group,
        rank: choiceRank(workshops, rounds, person.workshopPreferences, workshop.id),
        locked: input.locked ?? true,
      };
      await places.delete({ registrationId: person.id, round });
      await insertPlaces(manager, conferenceId, [place], this.clock.now());
      return toItemView(place);
    });
  }

  /** Takes a person out of their workshop in one round, or in all. */
  async unplace(organiserId: string, conferenceId: string, registrationId: string, round?: number | string): Promise<void> {
    await this.conferences.assertManages(organiserId, conferenceId);
    await this.db.transaction(async (manager) => {
      await this.conferences.lockSeats(manager, conferenceId);
      if (!UUID.test(registrationId)) throw participantNotFound();
      await manager.getRepository(WorkshopAssignment).delete({
        conferenceId,
        registrationId,
        ...(round == null ? {} : { round: roundKeyOf(round) }),
      });
    });
  }

  /** The stored assignment of seat holders, the last run's metrics and what changed since. */
  async view(conferenceId: string): Promise<AssignmentView> {
    const everyone = await this.participants.list(conferenceId);
    const order = new Map(everyone.filter((p) => p.status === 'confirmed').map((p, i) => [p.id, i]));
    const { rounds } = await this.catalogue.load(conferenceId);
    const roundOrder = new Map(rounds.map((r, i) => [r, i]));
    const rows = (await this.db.getRepository(WorkshopAssignment).find({ where: { conferenceId } }))
      .filter((r) => order.has(r.registrationId))
      .sort((a, b) => (order.get(a.registrationId) as number) - (order.get(b.registrationId) as number) || (roundOrder.get(a.round) ?? 0) - (roundOrder.get(b.round) ?? 0));
    const run = await this.lastRun(conferenceId);
    return {
      assignments: rows.map((r) => toItemView({ ...r, group: r.dialogueGroup ?? 1 })),
      metrics: run ? { ...run.metrics, rounds: run.metrics.rounds.map((m) => ({ ...m, round: roundRefOf(m.round) })), durationMs: round2(run.durationMs) } : null,
      ranAt: run ? toStockholmIso(run.ranAt) : null,
      changes: run
        ? { ...changesSinceRun(run.snapshot, everyone), movedByHand: rows.filter((r) => r.assignedAt.getTime() > run.ranAt.getTime()).length }
        : null,
    };
  }

  lastRun(conferenceId: string): Promise<WorkshopRun | null> {
    return this.db.getRepository(WorkshopRun).findOne({ where: { conferenceId }, order: { ranAt: 'DESC' } });
  }

  private async seatHolder(conferenceId: string, registrationId: string): Promise<Participant> {
    if (!UUID.test(registrationId)) throw participantNotFound();
    const [person] = await this.participants.list(conferenceId, { ids: [registrationId] });
    if (!person) throw participantNotFound();
    if (person.status !== 'confirmed') throw notASeatHolder();
    return person;
  }

  private async groupFor(conferenceId: string, workshop: Workshop, others: WorkshopAssignment[], person: Participant): Promise<number> {
    const members = new Map((await this.participants.list(conferenceId, { ids: others.map((o) => o.registrationId) })).map((p) => [p.id, p]));
    const current = others.flatMap((o) => {
      const m = members.get(o.registrationId);
      return m ? [{ group: o.dialogueGroup ?? 1, member: { id: m.id, party: m.party, organisation: m.organisation } }] : [];
    });
    return groupForNewcomer(current, { id: person.id, party: person.party, organisation: person.organisation }, { min: workshop.groupMin, max: workshop.groupMax });
  }
}

/** One multi-row insert per thousand places: a run of thousands of people stays one short transaction. */
async function insertPlaces(manager: EntityManager, conferenceId: string, places: PlannedPlace[], at: Date): Promise<void> {
  for (let i = 0; i < places.length; i += 1000) {
    await manager.getRepository(WorkshopAssignment).insert(
      places.slice(i, i + 1000).map((p) => ({
        registrationId: p.registrationId,
        round: p.round,
        conferenceId,
        workshopId: p.workshopId,
        dialogueGroup: p.group,
        rank: p.rank,
        locked: p.locked,
        assignedAt: at,
      })),
    );
  }
}

/** The exact costs fit in a double up to tens of thousands of people per choice round; beyond that, a refusal rather than a wrong answer. */
function plan<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw assignmentTooLarge();
    throw error;
  }
}

function toItemView(p: PlannedPlace): AssignmentItemView {
  return { registrationId: p.registrationId, workshopId: p.workshopId, round: roundRefOf(p.round), group: p.group, rank: p.rank, locked: p.locked };
}

function round2(ms: number): number {
  return Math.round(ms * 100) / 100;
}
