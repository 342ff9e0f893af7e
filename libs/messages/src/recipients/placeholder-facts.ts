import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@dialogdag/config';
import type { Conference } from '@dialogdag/conferences';
import { RegistrationExtensions, RegistrationsService } from '@dialogdag/registrations';
import type { Language } from '@dialogdag/shared';
import type { ConferenceFacts, RecipientFacts } from '../domain/compose';

/** The annotation keys under which the workshops and seating libs publish each person's workshop and table. */
export const WORKSHOP_ANNOTATION = 'workshop';
export const TABLE_ANNOTATION = 'table';

export interface FactsTarget {
  registrationId: string | null;
  name: string;
  language: Language;
}

/** How {personalLink} is filled: a new working link (sending), a stand-in (preview), or a link already held (personal page). */
export type LinkMode = { issueIn: EntityManager } | { preview: true } | { token: string };

/** Gathers what the placeholders say about a conference and its recipients, from the libs that know it. */
@Injectable()
export class PlaceholderFacts {
  constructor(
    private readonly extensions: RegistrationExtensions,
    private readonly registrations: RegistrationsService,
    private readonly appConfig: AppConfig,
  ) {}

  conference(c: Conference): ConferenceFacts {
    return { title: c.title, startsAt: c.startsAt, endsAt: c.endsAt, venue: [c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ') };
  }

  async recipients(conference: Conference, targets: FactsTarget[], links: LinkMode, needsLink: boolean): Promise<RecipientFacts[]> {
    const ids = targets.map((t) => t.registrationId).filter((id): id is string => id !== null);
    const workshops = await this.annotation(WORKSHOP_ANNOTATION, conference.id, ids);
    const tables = await this.annotation(TABLE_ANNOTATION, conference.id, ids);
    const facts: RecipientFacts[] = [];
    for (const target of targets) {
      const id = target.registrationId;
      facts.push({
        name: target.name,
        language: target.language,
        personalLink: needsLink ? await this.link(conference, id, links) : null,
        workshop: id ? workshops.get(id) : null,
        table: id ? tables.get(id) : null,
      });
    }
    return facts;
  }

  /**
   * A registration's link: sending issues a further personal link in the sending transaction, so the e-mail and
   * the link exist together. People without a registration (speakers) get the conference's public page.
   */
  private async link(conference: Conference, registrationId: string | null, mode: LinkMode): Promise<string> {
    const base = this.appConfig.publicBaseUrl();
    if (!registrationId) return `${base}/c/${conference.slug}`;
    if ('token' in mode) return this.registrations.manageUrl(mode.token);
    if ('preview' in mode) return `${base}/r/…`;
    return this.registrations.manageUrl(await this.registrations.issueLink(mode.issueIn, registrationId));
  }

  /** Each registration's workshop(s) or table as the workshops and seating libs publish them; empty before they do. */
  async annotation(key: typeof WORKSHOP_ANNOTATION | typeof TABLE_ANNOTATION, conferenceId: string, ids: string[]): Promise<Map<string, string>> {
    const annotation = this.extensions.annotations.find((a) => a.key === key);
    if (!annotation || ids.length === 0) return new Map();
    return annotation.values(conferenceId, ids);
  }
}
