import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { AdaptableMail, MailTextAdaptation, MailTexts, MailTextSource } from '@dialogdag/mail';
import { ParticipantsService } from '@dialogdag/registrations';
import { placeholderValues } from '../domain/compose';
import { isMailTextKind } from '../domain/mail-text-kinds';
import { adaptationOf, MailTextDraft, nameFromGreeting, placeholdersIn } from '../domain/mail-text.rules';
import { PlaceholderFacts, TABLE_ANNOTATION, WORKSHOP_ANNOTATION } from '../recipients/placeholder-facts';

/** A conference's texts for the e-mails in hand, by textKey. */
export type TextsInHand = ReadonlyMap<string, MailTextDraft>;

export const textKey = (conferenceId: string, kind: string, language: string) => `${conferenceId}|${kind}|${language}`;
const keyOf = (mail: AdaptableMail) => textKey(mail.conferenceId, mail.kind, mail.adaptable.lang);

/**
 * Where the outbox gets a conference's adapted introduction and closing (registered with MailTexts).
 * Called in the enqueuing transaction, once per batch of e-mails however large: one query finds
 * the texts of the whole batch, and everything else is asked only for e-mails that have a text
 * and only when the text uses it — the conference once per conference, names from the e-mails'
 * own greetings, workshop and table from the libs that publish them.
 */
@Injectable()
export class ConferenceMailTexts implements MailTextSource, OnModuleInit {
  constructor(
    private readonly mailTexts: MailTexts,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly facts: PlaceholderFacts,
  ) {}

  onModuleInit(): void {
    this.mailTexts.use(this);
  }

  async adaptationsFor(manager: EntityManager, mails: readonly AdaptableMail[]): Promise<Array<MailTextAdaptation | null>> {
    return this.adapt(manager, mails, await this.stored(manager, mails));
  }

  /** The stored texts the e-mails could use, in one query for all of them. */
  async stored(manager: EntityManager, mails: readonly AdaptableMail[]): Promise<Map<string, MailTextDraft>> {
    const wanted = new Map<string, [string, string, string]>();
    for (const mail of mails) if (isMailTextKind(mail.kind)) wanted.set(keyOf(mail), [mail.conferenceId, mail.kind, mail.adaptable.lang]);
    if (wanted.size === 0) return new Map();
    const keys = [...wanted.values()];
    const rows: Array<{ conferenceId: string; kind: string; language: string; intro: string; closing: string }> = await manager.query(
      `SELECT t.conference_id AS "conferenceId", t.kind, t.language, t.intro, t.closing
         FROM mail_text t
         JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS k(conference_id, kind, language) USING (conference_id, kind, language)`,
      [keys.map((k) => k[0]), keys.map((k) => k[1]), keys.map((k) => k[2])],
    );
    return new Map(rows.map((r) => [textKey(r.conferenceId, r.kind, r.language), { intro: r.intro, closing: r.closing }]));
  }

  /** Each e-mail's adaptation under the given texts (stored ones, or a draft being previewed). */
  async adapt(manager: EntityManager, mails: readonly AdaptableMail[], texts: TextsInHand): Promise<Array<MailTextAdaptation | null>> {
    const drafts = mails.map((mail) => (isMailTextKind(mail.kind) ? (texts.get(keyOf(mail)) ?? null) : null));
    const adapted = mails.filter((_, i) => drafts[i] !== null);
    if (adapted.length === 0) return drafts.map(() => null);
    const used = new Set(drafts.flatMap((d) => (d ? [...placeholdersIn(d)] : [])));
    const conferences = new Map<string, Conference>();
    for (const id of new Set(adapted.map((m) => m.conferenceId))) conferences.set(id, await this.conferences.findById(id, manager));
    const people = await this.people(adapted, used);
    return mails.map((mail, i) => {
      const draft = drafts[i];
      if (!draft) return null;
      const id = mail.registrationId ?? '';
      const person = people.get(id);
      const values = placeholderValues(
        this.facts.conference(conferences.get(mail.conferenceId)!),
        {
          name: nameFromGreeting(mail.adaptable.body.greeting) ?? person?.name ?? '',
          language: mail.adaptable.lang,
          // The link the e-mail itself ends with: in a confirmation, the one just issued.
          personalLink: mail.adaptable.body.link?.url,
          workshop: person?.workshop,
          table: person?.table,
        },
        mail.adaptable.lang,
      );
      return adaptationOf(draft, values);
    });
  }

  /**
   * What the texts ask about the people beyond their e-mail: the workshop and table (from the libs
   * that publish them), and the name where a greeting does not give it. Read per conference, not per e-mail.
   */
  private async people(mails: readonly AdaptableMail[], used: ReadonlySet<string>): Promise<Map<string, { name?: string; workshop?: string; table?: string }>> {
    const people = new Map<string, { name?: string; workshop?: string; table?: string }>();
    const byConference = new Map<string, AdaptableMail[]>();
    for (const mail of mails) if (mail.registrationId) byConference.set(mail.conferenceId, [...(byConference.get(mail.conferenceId) ?? []), mail]);
    for (const [conferenceId, group] of byConference) {
      const ids = [...new Set(group.map((m) => m.registrationId!))];
      const entry = (id: string) => people.get(id) ?? people.set(id, {}).get(id)!;
      if (used.has('workshop')) for (const [id, value] of await this.facts.annotation(WORKSHOP_ANNOTATION, conferenceId, ids)) entry(id).workshop = value;
      if (used.has('table')) for (const [id, value] of await this.facts.annotation(TABLE_ANNOTATION, conferenceId, ids)) entry(id).table = value;
      const nameless = group.filter((m) => nameFromGreeting(m.adaptable.body.greeting) === null).map((m) => m.registrationId!);
      if (used.has('name') && nameless.length > 0) {
        for (const p of await this.participants.list(conferenceId, { ids: [...new Set(nameless)] })) entry(p.id).name = p.name;
      }
    }
    return people;
  }
}
