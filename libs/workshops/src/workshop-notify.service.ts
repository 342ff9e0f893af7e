import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { ParticipantsService } from '@dialogdag/registrations';
import { WorkshopAssignment } from './workshop.entity';
import { WorkshopCatalogue } from './workshop-catalogue';
import { workshopMail } from './workshop-mail';
import { roundLabel } from './workshops.texts';

/** The optional e-mail that tells each placed participant their workshop(s). */
@Injectable()
export class WorkshopNotifyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly catalogue: WorkshopCatalogue,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /** One e-mail per seat holder with a place, in their language; answers how many were queued. */
  async notify(organiserId: string, conferenceId: string): Promise<{ queued: number }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const conference = await this.conferences.findById(conferenceId);
    const { workshops, blocks, rounds } = await this.catalogue.load(conferenceId);
    const byId = new Map(workshops.map((w) => [w.id, w]));
    const order = new Map(rounds.map((r, i) => [r, i]));
    const people = await this.participants.seatHolders(conferenceId);
    const queued = await this.db.transaction(async (manager) => {
      const byPerson = new Map<string, WorkshopAssignment[]>();
      for (const row of await manager.getRepository(WorkshopAssignment).find({ where: { conferenceId } })) {
        byPerson.set(row.registrationId, [...(byPerson.get(row.registrationId) ?? []), row]);
      }
      let count = 0;
      for (const person of people) {
        const mine = (byPerson.get(person.id) ?? []).sort((a, b) => (order.get(a.round) ?? 0) - (order.get(b.round) ?? 0));
        const places = mine.flatMap((r) => {
          const w = byId.get(r.workshopId);
          return w ? [{ roundLabel: roundLabel(r.round, blocks, rounds, person.language), title: w.title, room: w.room, group: r.dialogueGroup ?? 1 }] : [];
        });
        if (places.length === 0) continue;
        await this.outbox.enqueue(
          manager,
          workshopMail({
            lang: person.language,
            to: person.email,
            name: person.name,
            registrationId: person.id,
            conference: { id: conference.id, title: conference.title },
            places,
          }),
        );
        count++;
      }
      return count;
    });
    if (queued > 0) this.dispatcher.nudge();
    return { queued };
  }
}
