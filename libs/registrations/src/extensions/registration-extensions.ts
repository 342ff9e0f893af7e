import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Conference } from '@dialogdag/conferences';
import type { FieldProblem, Language } from '@dialogdag/shared';
import type { SafeHtml } from '@dialogdag/web';
import type { Participant } from './participant';

/** Runs inside the transfer's transaction, so seat-bound rows (workshop places, tables) move to the colleague. */
export type TransferListener = (manager: EntityManager, fromRegistrationId: string, toRegistrationId: string) => Promise<void>;
/** Runs inside the cancellation's transaction. */
export type CancellationListener = (manager: EntityManager, registrationId: string, conferenceId: string) => Promise<void>;
/**
 * Runs inside the transaction that anonymised these registrations of one conference (erased on request or after
 * the retention period): each lib clears its own personal data about them, keeping what summaries and money need.
 */
export type ErasureListener = (manager: EntityManager, conferenceId: string, registrationIds: string[]) => Promise<void>;

/** One block of ranked choices on the form (a workshop round): up to `maxChoices` options in order of preference. */
export interface ChoiceRound {
  key: string;
  label: string;
  options: Array<{ id: string; label: string }>;
  maxChoices: number;
}

/** Supplies and checks `workshopPreferences`; the workshops lib registers one. */
export interface PreferenceProvider {
  rounds(conferenceId: string, lang: Language): Promise<ChoiceRound[]>;
  /** Problems with a ranked list (unknown ids, repeats, too many per round), each naming the field. */
  validate(conferenceId: string, preferences: string[]): Promise<FieldProblem[]>;
}

/** A per-person value other libs add to the participant list, its CSV and JSON, badges and the personal page. */
export interface ParticipantAnnotation {
  key: string;
  label: Record<Language, string>;
  values(conferenceId: string, registrationIds?: string[]): Promise<Map<string, string>>;
}

export interface PersonalSectionContext {
  participant: Participant;
  conference: Conference;
  /** The personal-link token the page was opened with, for links to the section's own pages. */
  token: string;
  lang: Language;
  now: Date;
}

/** A block other libs add to the personal page (a travel claim, messages received, an evaluation). */
export interface PersonalSection {
  key: string;
  render(context: PersonalSectionContext): Promise<SafeHtml | null>;
}

/**
 * One section of "Download my data": what a lib holds about the person behind a personal link, as plain JSON,
 * about that person only (nobody else's name or details). Present even when empty, so the export says it looked.
 */
export interface PersonalDataProvider {
  key: string;
  collect(context: PersonalSectionContext): Promise<unknown>;
}

/**
 * Where the libs built on registrations plug in. Registrations depends on none of them:
 * they register here at start-up, so code and schema dependencies keep pointing one way.
 */
@Injectable()
export class RegistrationExtensions {
  private readonly transferListeners: TransferListener[] = [];
  private readonly cancellationListeners: CancellationListener[] = [];
  private readonly annotationList: ParticipantAnnotation[] = [];
  private readonly sectionList: PersonalSection[] = [];
  private readonly erasureListeners: ErasureListener[] = [];
  private readonly personalDataList: PersonalDataProvider[] = [];
  private provider: PreferenceProvider | null = null;

  onTransferred(listener: TransferListener): void {
    this.transferListeners.push(listener);
  }

  onCancelled(listener: CancellationListener): void {
    this.cancellationListeners.push(listener);
  }

  setPreferenceProvider(provider: PreferenceProvider): void {
    this.provider = provider;
  }

  /** A key names one column: adding an annotation with a key already taken replaces that one, in its place. */
  addAnnotation(annotation: ParticipantAnnotation): void {
    const at = this.annotationList.findIndex((a) => a.key === annotation.key);
    if (at >= 0) this.annotationList[at] = annotation;
    else this.annotationList.push(annotation);
  }

  addPersonalSection(section: PersonalSection): void {
    this.sectionList.push(section);
  }

  onErased(listener: ErasureListener): void {
    this.erasureListeners.push(listener);
  }

  /** A key names one section of the export: adding a provider with a key already taken replaces that one. */
  addPersonalData(provider: PersonalDataProvider): void {
    const at = this.personalDataList.findIndex((p) => p.key === provider.key);
    if (at >= 0) this.personalDataList[at] = provider;
    else this.personalDataList.push(provider);
  }

  get preferences(): PreferenceProvider | null {
    return this.provider;
  }

  get annotations(): readonly ParticipantAnnotation[] {
    return this.annotationList;
  }

  get personalSections(): readonly PersonalSection[] {
    return this.sectionList;
  }

  async transferred(manager: EntityManager, fromRegistrationId: string, toRegistrationId: string): Promise<void> {
    for (const listener of this.transferListeners) await listener(manager, fromRegistrationId, toRegistrationId);
  }

  async cancelled(manager: EntityManager, registrationId: string, conferenceId: string): Promise<void> {
    for (const listener of this.cancellationListeners) await listener(manager, registrationId, conferenceId);
  }

  async erased(manager: EntityManager, conferenceId: string, registrationIds: string[]): Promise<void> {
    if (registrationIds.length === 0) return;
    for (const listener of this.erasureListeners) await listener(manager, conferenceId, registrationIds);
  }

  /** Every provider's section of the person's data, by key. */
  async personalData(context: PersonalSectionContext): Promise<Record<string, unknown>> {
    const sections: Record<string, unknown> = {};
    for (const provider of this.personalDataList) sections[provider.key] = await provider.collect(context);
    return sections;
  }

  /** Problems with ranked choices; none when no lib offers choices and none were made. */
  async preferenceProblems(conferenceId: string, preferences: string[] | undefined): Promise<FieldProblem[]> {
    if (!preferences || preferences.length === 0) return [];
    if (!this.provider) return [{ field: 'workshopPreferences', message: 'workshopPreferences: this conference has no workshops to choose from' }];
    return this.provider.validate(conferenceId, preferences);
  }

  /** Every annotation's values for the given registrations, by annotation key. */
  async annotate(conferenceId: string, registrationIds?: string[]): Promise<Map<string, Map<string, string>>> {
    const result = new Map<string, Map<string, string>>();
    for (const annotation of this.annotationList) result.set(annotation.key, await annotation.values(conferenceId, registrationIds));
    return result;
  }
}
