import { Injectable } from '@nestjs/common';
import { Participant, ParticipantsService } from '@dialogdag/registrations';
import { SpeakersService } from '@dialogdag/speakers';
import { ValidationFailed } from '@dialogdag/shared';
import { filterProblems, isHandPicked, participantMatches, Recipient, RecipientFilter, uniqueRecipients } from '../domain/recipient-filter';
import { CriterionResolvers } from './criterion-resolvers';

export interface RecipientChoice {
  kind: 'participant' | 'speaker';
  id: string;
  label: string;
}

/**
 * Turns a filter into the people it reaches now. The caller has checked that the organiser manages the
 * conference. Criteria another lib answers (workshop, table, travel claim) go through CriterionResolvers.
 */
@Injectable()
export class RecipientsService {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly speakers: SpeakersService,
    private readonly criteria: CriterionResolvers,
  ) {}

  async resolve(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<Recipient[]> {
    const problems = filterProblems(filter);
    if (problems.length > 0) throw new ValidationFailed(problems);
    return isHandPicked(filter) ? this.handPicked(organiserId, conferenceId, filter) : this.byGroups(organiserId, conferenceId, filter);
  }

  /** Everyone who could be picked by hand: registrations that are not handed on, and speakers with an address. */
  async choices(organiserId: string, conferenceId: string): Promise<RecipientChoice[]> {
    const people = await this.participants.list(conferenceId, { statuses: ['confirmed', 'waitlisted', 'cancelled'] });
    const speakers = await this.mailableSpeakers(organiserId, conferenceId);
    return [
      ...people.map((p) => ({ kind: 'participant' as const, id: p.id, label: `${p.name} <${p.email}>` })),
      ...speakers.map((s) => ({ kind: 'speaker' as const, id: s.id, label: `${s.name} <${s.email}>` })),
    ];
  }

  private async byGroups(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<Recipient[]> {
    const groups = filter.groups ?? [];
    const statuses = (['seat_holders', 'waitlisted', 'cancelled'] as const).filter((g) => groups.includes(g));
    let people: Participant[] = [];
    if (statuses.length > 0) {
      const resolved = await this.criteria.resolve(organiserId, conferenceId, filter);
      const all = await this.participants.list(conferenceId, {
        statuses: statuses.map((g) => (g === 'seat_holders' ? 'confirmed' : g)),
      });
      people = all.filter((p) => participantMatches(p, filter, resolved));
    }
    const speakers = groups.includes('speakers') ? await this.mailableSpeakers(organiserId, conferenceId) : [];
    return uniqueRecipients([...people.map(fromParticipant), ...speakers]);
  }

  private async handPicked(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<Recipient[]> {
    const registrationIds = [...new Set(filter.registrationIds ?? [])];
    const speakerIds = [...new Set(filter.speakerIds ?? [])];
    const people = registrationIds.length
      ? (await this.participants.list(conferenceId, { ids: registrationIds })).filter((p) => p.status !== 'transferred')
      : [];
    const unknownPeople = registrationIds.filter((id) => !people.some((p) => p.id === id));
    const speakers = speakerIds.length ? (await this.mailableSpeakers(organiserId, conferenceId)).filter((s) => speakerIds.includes(s.id)) : [];
    const unknownSpeakers = speakerIds.filter((id) => !speakers.some((s) => s.id === id));
    const problems = [];
    if (unknownPeople.length) {
      problems.push({ field: 'filter.registrationIds', message: `filter.registrationIds: no registration of this conference that can be written to has the id ${unknownPeople.join(', ')}.` });
    }
    if (unknownSpeakers.length) {
      problems.push({ field: 'filter.speakerIds', message: `filter.speakerIds: no speaker of this conference with an e-mail address has the id ${unknownSpeakers.join(', ')}.` });
    }
    if (problems.length) throw new ValidationFailed(problems);
    return uniqueRecipients([...people.map(fromParticipant), ...speakers]);
  }

  /** Speakers with an e-mail address who have not declined; the programme's people, as the speakers lib keeps them. */
  private async mailableSpeakers(organiserId: string, conferenceId: string): Promise<Recipient[]> {
    const speakers = await this.speakers.list(organiserId, conferenceId);
    return speakers
      .filter((s) => s.email && s.status !== 'declined')
      .map((s) => ({ kind: 'speaker' as const, id: s.id, name: s.name, email: s.email!, language: s.language }));
  }
}

function fromParticipant(p: Participant): Recipient {
  return { kind: 'participant', id: p.id, name: p.name, email: p.email, language: p.language };
}
