import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { registrationNotInConference } from '../registration.errors';
import { Registration } from '../registration.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One registration of a conference the organiser manages; 404 for anything else. */
@Injectable()
export class ParticipantRecord {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
  ) {}

  async get(organiserId: string, conferenceId: string, registrationId: string): Promise<{ conference: Conference; registration: Registration }> {
    const conference = await this.conferences.get(organiserId, conferenceId);
    const registration = UUID.test(registrationId) ? await this.db.getRepository(Registration).findOneBy({ id: registrationId, conferenceId }) : null;
    if (!registration) throw registrationNotInConference();
    return { conference, registration };
  }
}
