import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { AuthenticatedOrganiser } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { AdaptableMail, MailTexts } from '@dialogdag/mail';
import { ParticipantsService } from '@dialogdag/registrations';
import { Clock, DomainError, FieldProblem, Language, LANGUAGES, ValidationFailed } from '@dialogdag/shared';
import { carriesPersonalLink, isMailTextKind, MAIL_TEXT_KINDS, MailTextKind } from '../domain/mail-text-kinds';
import { isDefaultText, MailTextDraft, mailTextProblems, MailTextPart, normaliseMailText } from '../domain/mail-text.rules';
import { TEXTS } from '../messages.texts';
import { ConferenceMailTexts, textKey } from './conference-mail-texts';
import { MailText } from './mail-text.entity';
import { MailTextSamples, SamplePerson } from './mail-text-samples';

export interface StoredMailText {
  intro: string;
  closing: string;
  updatedAt: Date;
  updatedBy: { id: string | null; name: string };
}

/** One automatic e-mail: what it is, and the conference's texts for it per language (null: the default). */
export interface MailTextItem {
  kind: MailTextKind;
  carriesPersonalLink: boolean;
  texts: Record<Language, StoredMailText | null>;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** Whether the conference's (or the draft's) own paragraphs are in it. */
  adapted: boolean;
}

export interface MailTextPreview {
  recipient: (SamplePerson & { language: Language }) | null;
  /** false: the e-mail's generated part is described in words, not the real one. */
  previews: Record<Language, RenderedMail>;
}

/** Where each part of a draft was typed, for the error to name: `intro` in the API, `intro.sv` on the page. */
export type FieldNamer = (lang: Language, part: MailTextPart) => string;

export const mailTextKindNotFound = () =>
  new DomainError('mail_text_kind_not_found', 'not_found', TEXTS.en.mailTexts.problems.noSuchKind, 'kind', {
    sv: TEXTS.sv.mailTexts.problems.noSuchKind,
    en: TEXTS.en.mailTexts.problems.noSuchKind,
  });

/** A conference's own introduction and closing for its automatic e-mails: read, change, reset, preview. */
@Injectable()
export class MailTextsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly source: ConferenceMailTexts,
    private readonly samples: MailTextSamples,
  ) {}

  async list(organiserId: string, conferenceId: string): Promise<MailTextItem[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const rows = await this.db.getRepository(MailText).findBy({ conferenceId });
    return MAIL_TEXT_KINDS.map((kind) => itemOf(kind, rows));
  }

  async get(organiserId: string, conferenceId: string, kind: string): Promise<MailTextItem> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const known = knownKind(kind);
    return itemOf(known, await this.db.getRepository(MailText).findBy({ conferenceId, kind: known }));
  }

  /**
   * Stores the drafts given, each language on its own; a language whose introduction and closing are
   * both empty goes back to the default text. All or nothing: one bad field and nothing is stored.
   */
  async save(organiser: AuthenticatedOrganiser, conferenceId: string, kind: string, drafts: Partial<Record<Language, MailTextDraft>>, fieldOf: FieldNamer): Promise<MailTextItem> {
    await this.conferences.assertManages(organiser.id, conferenceId);
    const known = knownKind(kind);
    assertDrafts(known, drafts, fieldOf);
    await this.db.transaction(async (manager) => {
      const repo = manager.getRepository(MailText);
      const current = await repo.findBy({ conferenceId, kind: known });
      for (const lang of LANGUAGES) {
        const draft = drafts[lang];
        if (!draft) continue;
        // A language saved unchanged (the page sends both) keeps who changed it last, and when.
        const stored = current.find((row) => row.language === lang);
        if (stored && stored.intro === normaliseMailText(draft.intro) && stored.closing === normaliseMailText(draft.closing)) continue;
        if (isDefaultText(draft)) {
          await repo.delete({ conferenceId, kind: known, language: lang });
          continue;
        }
        // One statement: two organisers saving at once leave one of their texts, whole.
        await repo.upsert(
          {
            conferenceId,
            kind: known,
            language: lang,
            intro: normaliseMailText(draft.intro),
            closing: normaliseMailText(draft.closing),
            updatedBy: organiser.id,
            updatedByName: organiser.name,
            updatedAt: this.clock.now(),
          },
          ['conferenceId', 'kind', 'language'],
        );
      }
    });
    return this.get(organiser.id, conferenceId, known);
  }

  /** Back to the default text in the languages given. */
  async reset(organiserId: string, conferenceId: string, kind: string, languages: readonly Language[]): Promise<MailTextItem> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const known = knownKind(kind);
    for (const language of languages) await this.db.getRepository(MailText).delete({ conferenceId, kind: known, language });
    return this.get(organiserId, conferenceId, known);
  }

  /**
   * The e-mail as the person would get it in each language, with the conference's texts — or the
   * drafts given, which take their place — applied by the very path the outbox uses (MailTexts).
   * Nothing is stored or sent.
   */
  async preview(
    organiser: AuthenticatedOrganiser,
    conferenceId: string,
    kind: string,
    input: { registrationId?: string; texts?: Partial<Record<Language, MailTextDraft>> },
    fieldOf: FieldNamer,
  ): Promise<MailTextPreview> {
    await this.conferences.assertManages(organiser.id, conferenceId);
    const known = knownKind(kind);
    assertDrafts(known, input.texts ?? {}, fieldOf);
    const conference = await this.conferences.findById(conferenceId);
    const recipient = await this.samplePerson(conferenceId, input.registrationId);
    const person: SamplePerson = recipient ?? { id: null, name: organiser.name, email: organiser.email };
    const previews = {} as Record<Language, RenderedMail>;
    for (const lang of LANGUAGES) {
      const mail = (await this.samples.mail(known, conference, person, lang)) as AdaptableMail;
      const texts = await this.source.stored(this.db.manager, [mail]);
      const key = textKey(conferenceId, known, lang);
      const draft = input.texts?.[lang];
      if (draft && isDefaultText(draft)) texts.delete(key);
      else if (draft) texts.set(key, { intro: normaliseMailText(draft.intro), closing: normaliseMailText(draft.closing) });
      const adapter = new MailTexts();
      adapter.use({ adaptationsFor: (manager, mails) => this.source.adapt(manager, mails, texts) });
      const [shown] = await adapter.adapt(this.db.manager, [mail]);
      previews[lang] = { subject: shown.subject, text: shown.text, html: shown.html ?? '', adapted: texts.has(key) };
    }
    return { recipient, previews };
  }

  /** Who a preview can be shown as: the conference's registrations that are not handed on, seat holders first. */
  async people(conferenceId: string, limit = 50): Promise<Array<SamplePerson & { language: Language }>> {
    const all = await this.participants.list(conferenceId, { statuses: ['confirmed', 'waitlisted', 'cancelled'] });
    const ordered = [...all.filter((p) => p.status === 'confirmed'), ...all.filter((p) => p.status !== 'confirmed')];
    return ordered.slice(0, limit).map((p) => ({ id: p.id, name: p.name, email: p.email, language: p.language }));
  }

  /** The registration asked for, else the first seat holder (or anyone), else null: an imaginary participant. */
  private async samplePerson(conferenceId: string, registrationId?: string): Promise<(SamplePerson & { language: Language }) | null> {
    if (registrationId) {
      const [p] = isUUID(registrationId) ? await this.participants.list(conferenceId, { ids: [registrationId] }) : [];
      if (!p || p.status === 'transferred') {
        throw new ValidationFailed([{ field: 'registrationId', message: 'registrationId: no registration of this conference has that id.' }]);
      }
      return { id: p.id, name: p.name, email: p.email, language: p.language };
    }
    return (await this.people(conferenceId, 1))[0] ?? null;
  }
}

function knownKind(kind: string): MailTextKind {
  if (!isMailTextKind(kind)) throw mailTextKindNotFound();
  return kind;
}

function assertDrafts(kind: MailTextKind, drafts: Partial<Record<Language, MailTextDraft>>, fieldOf: FieldNamer): void {
  const problems: FieldProblem[] = LANGUAGES.flatMap((lang) => {
    const draft = drafts[lang];
    return draft ? mailTextProblems(kind, draft, (part) => fieldOf(lang, part)) : [];
  });
  if (problems.length > 0) throw new ValidationFailed(problems);
}

function itemOf(kind: MailTextKind, rows: MailText[]): MailTextItem {
  const text = (lang: Language): StoredMailText | null => {
    const row = rows.find((r) => r.kind === kind && r.language === lang);
    return row ? { intro: row.intro, closing: row.closing, updatedAt: row.updatedAt, updatedBy: { id: row.updatedBy, name: row.updatedByName } } : null;
  };
  return { kind, carriesPersonalLink: carriesPersonalLink(kind), texts: { sv: text('sv'), en: text('en') } };
}
