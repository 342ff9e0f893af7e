import { Injectable } from '@nestjs/common';
import { AppConfig } from '@dialogdag/config';
import type { Conference } from '@dialogdag/conferences';
import { ComposedMail, MailComposer, ProgrammeLine, RegistrationMailParams, renderMailBody } from '@dialogdag/mail';
import { ProgrammeService } from '@dialogdag/programme';
import { cancellationFeeAt, Registration, RegistrationsService } from '@dialogdag/registrations';
import { Clock, formatMoney, Language } from '@dialogdag/shared';
import type { MailTextKind } from '../domain/mail-text-kinds';
import { TEXTS } from '../messages.texts';

/** Whose e-mail a preview shows: a registration of the conference, or an imaginary one (id null). */
export interface SamplePerson {
  id: string | null;
  name: string;
  email: string;
}

export interface SampleMail {
  mail: ComposedMail;
  /** false: the generated part is described in words (its lib does not hand out its template). */
  exact: boolean;
}

/**
 * The automatic e-mail of a kind as one person would get it, built by the same templates that send
 * it (MailComposer with the registrations lib's parameters), for a preview. Nothing is issued or
 * written: the personal link and the check-in code are stand-ins.
 */
@Injectable()
export class MailTextSamples {
  constructor(
    private readonly composer: MailComposer,
    private readonly registrations: RegistrationsService,
    private readonly programme: ProgrammeService,
    private readonly appConfig: AppConfig,
    private readonly clock: Clock,
  ) {}

  async mail(kind: MailTextKind, conference: Conference, person: SamplePerson, lang: Language): Promise<SampleMail> {
    const t = TEXTS[lang].mailTexts.sample;
    const base = this.appConfig.publicBaseUrl();
    // mailParams reads the person's id, name, e-mail address and language only.
    const registration = Object.assign(new Registration(), { id: person.id ?? '', name: person.name, email: person.email, language: lang });
    const params: RegistrationMailParams = { ...this.registrations.mailParams(conference, registration, null), manageUrl: `${base}/r/…` };
    const seated = { ...params, checkIn: { code: t.checkInCode, qrPng: '' } };
    const exact = (mail: ComposedMail): SampleMail => ({ mail, exact: true });
    switch (kind) {
      case 'registration_confirmed':
        return exact(this.composer.registrationConfirmed(seated));
      case 'registration_waitlisted':
        return exact(this.composer.registrationWaitlisted({ ...params, position: 1 }));
      case 'registration_promoted':
        return exact(this.composer.registrationPromoted(seated));
      case 'registration_cancelled': {
        const fee = cancellationFeeAt(conference, this.clock.now());
        return exact(this.composer.registrationCancelled({ ...params, fee, feeText: formatMoney(fee, lang), wasWaitlisted: false }));
      }
      case 'registration_transferred_in':
        return exact(this.composer.registrationTransferredToYou({ ...seated, fromName: t.colleague, waitlisted: false, position: null }));
      case 'registration_transferred_out':
        return exact(this.composer.registrationTransferReceipt({ ...params, colleagueName: t.colleague, colleagueEmail: 'kollega@example.org' }));
      case 'registration_reminder':
        return exact(this.composer.registrationReminder({ ...seated, programme: await this.programmeLines(conference), now: this.clock.now() }));
      default:
        return { mail: this.described(kind, conference, person, lang, `${base}/r/…/travel-claim`), exact: false };
    }
  }

  /** As the reminder shows the day: the programme, or the conference's own times while it has none. */
  private async programmeLines(conference: Conference): Promise<ProgrammeLine[]> {
    const { entries } = await this.programme.forConference(conference.id);
    if (entries.length === 0) return [{ startsAt: conference.startsAt, endsAt: conference.endsAt, title: conference.title }];
    return entries.map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt, title: e.title, room: e.room }));
  }

  /** The workshop and claim e-mails, whose templates their libs keep to themselves: the generated part in words. */
  private described(kind: Exclude<MailTextKind, `registration_${string}`>, conference: Conference, person: SamplePerson, lang: Language, claimUrl: string): ComposedMail {
    const t = TEXTS[lang].mailTexts;
    const body = renderMailBody(
      {
        greeting: t.sample.greeting(person.name),
        paragraphs: [t.sample.generated[kind]],
        link: kind === 'travel_claim_received' ? { label: t.sample.claimLink, url: claimUrl } : undefined,
        signature: t.sample.signature,
      },
      lang,
    );
    return { kind, to: person.email, subject: `${t.kinds[kind].label}: ${conference.title}`, ...body, conferenceId: conference.id, registrationId: person.id ?? undefined };
  }
}
