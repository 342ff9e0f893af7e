import { Injectable } from '@nestjs/common';
import type { Language } from '@dialogdag/shared';
import type { SafeHtml } from '@dialogdag/web';
import type { Conference } from '../conference.entity';

/** What a section's own form sent, by section key, when the page is shown again with it (e.g. the registration form's values and errors). */
export type ConferencePageState = Readonly<Record<string, unknown>>;

/** A part of the public conference page that another lib supplies (the programme, the registration form…). */
export interface ConferencePageSection {
  key: string;
  /** Sections follow the conference's own facts in this order, lowest first. */
  order: number;
  render(conference: Conference, lang: Language, state: ConferencePageState): Promise<SafeHtml | null>;
}

/**
 * Where the libs built on conferences add to the public conference page. Conferences knows none of
 * them: they register here at start-up, so dependencies keep pointing one way.
 */
@Injectable()
export class ConferencePageSections {
  private readonly list: ConferencePageSection[] = [];

  add(section: ConferencePageSection): void {
    this.list.push(section);
    this.list.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  }

  get sections(): readonly ConferencePageSection[] {
    return this.list;
  }
}
