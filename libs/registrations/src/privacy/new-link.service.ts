import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher, OutboxService, renderMailBody } from '@dialogdag/mail';
import { Clock } from '@dialogdag/shared';
import { PersonalLinks } from '../personal-links.service';
import { registrationNotInConference } from '../registration.errors';
import { Registration } from '../registration.entity';
import { alreadyErased, noLinkForTransferred } from './privacy.errors';
import { PRIVACY_TEXTS } from './privacy.texts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An organiser revokes a personal link that reached the wrong person: every link of the registration stops
 * working and the participant gets a new one by e-mail, in the same transaction (no link without its mail).
 */
@Injectable()
export class NewPersonalLink {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly links: PersonalLinks,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
  ) {}

  /** Answers where the new link was sent; the link itself only goes to the participant. */
  async issue(organiserId: string, conferenceId: string, registrationId: string): Promise<{ registrationId: string; sentTo: string }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(registrationId)) throw registrationNotInConference();
    const result = await this.db.transaction(async (manager) => {
      const conference = await this.conferences.findById(conferenceId, manager);
      const registration = await manager.getRepository(Registration).findOne({ where: { id: registrationId, conferenceId }, lock: { mode: 'pessimistic_write' } });
      if (!registration) throw registrationNotInConference();
      if (registration.anonymisedAt) throw alreadyErased();
      if (registration.status === 'transferred') throw noLinkForTransferred();
      const token = await this.links.renew(manager, registration.id);
      await manager.update(Registration, { id: registration.id }, { updatedAt: this.clock.now() });
      await this.enqueueMail(manager, conference, registration, token);
      return { registrationId: registration.id, sentTo: registration.email };
    });
    this.dispatcher.nudge();
    return result;
  }

  private async enqueueMail(manager: EntityManager, conference: Conference, r: Registration, token: string): Promise<void> {
    const lang = r.language;
    const t = PRIVACY_TEXTS[lang].mail;
    const { text, html } = renderMailBody(
      { greeting: t.greeting(r.name), paragraphs: [t.body(conference.title)], link: { label: t.link, url: this.links.url(token) }, signature: t.signature },
      lang,
    );
    await this.outbox.enqueue(manager, {
      kind: 'registration_new_link',
      to: r.email,
      subject: t.subject(conference.title),
      text,
      html,
      conferenceId: conference.id,
      registrationId: r.id,
    });
  }
}
