import { Injectable } from '@nestjs/common';
import { AppConfig } from '@dialogdag/config';
import type { Conference } from '@dialogdag/conferences';
import { ComposedMail, MailComposer, ProgrammeLine, RegistrationMailParams } from '@dialogdag/mail';
import { ProgrammeService } from '@dialogdag/programme';
import { cancellationFeeAt, Registration, RegistrationsService } from '@dialogdag/registrations';
import { sampleClaimMail } from '@dialogdag/reimbursements';
import { workshopMail } from '@dialogdag/workshops';
import { Clock, formatMoney, Language } from '@dialogdag/shared';
import type { MailTextKind } from '../domain/mail-text-kinds';
import { TEXTS } from '../messages.texts';

/** Whose e-mail a preview shows: a registration of the conference, or an imaginary one (id null). */
export interface SamplePerson {
  id: string | null;
  name: string;
  email: string;
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

  async mail(kind: MailTextKind, conference: Conference, person: SamplePerson, lang: Language): Promise<ComposedMail> {
    const t = TEXTS[lang].mailTexts.sample;
    const base = this.appConfig.publicBaseUrl();
    // mailParams reads the person's id, name, e-mail address and language only.
    const registration = Object.assign(new Registration(), { id: person.id ?? '', name: person.name, email: person.email, language: lang });
    const params: RegistrationMailParams = { ...this.registrations.mailParams(conference, registration, null), manageUrl: `${base}/r/…` };
    const seated = { ...params, checkIn: { code: t.checkInCode, qrCodeOf: t.checkInCode.replace(/-/g, '') } };
    switch (kind) {
      case 'registration_confirmed':
        return this.composer.registrationConfirmed(seated);
      case 'registration_waitlisted':
        return this.composer.registrationWaitlisted({ ...params, position: 1 });
      case 'registration_promoted':
        return this.composer.registrationPromoted(seated);
      case 'registration_cancelled': {
        const fee = cancellationFeeAt(conference, this.clock.now());
        return this.composer.registrationCancelled({ ...params, fee, feeText: formatMoney(fee, lang), wasWaitlisted: false });
      }
      case 'registration_transferred_in':
        return this.composer.registrationTransferredToYou({ ...seated, fromName: t.colleague, waitlisted: false, position: null });
      case 'registration_transferred_out':
        return this.composer.registrationTransferReceipt({ ...params, colleagueName: t.colleague, colleagueEmail: 'kollega@example.org' });
      case 'registration_reminder':
        return this.composer.registrationReminder({ ...seated, programme: await this.programmeLines(conference), now: this.clock.now() });
      case 'workshop_assignment': {
        const w = t.workshop;
        const place = { roundLabel: w.round, title: w.title, room: w.room, group: 1 };
        return workshopMail({ lang, to: person.email, name: person.name, registrationId: person.id ?? '', conference, places: [place] });
      }
      default: {
        const target = { lang, to: person.email, name: person.name, conference };
        return { ...sampleClaimMail(kind, target, `${base}/r/…/travel-claim`), registrationId: person.id ?? undefined };
      }
    }
  }

  /** As the reminder shows the day: the programme, or the conference's own times while it has none. */
  private async programmeLines(conference: Conference): Promise<ProgrammeLine[]> {
    const { entries } = await this.programme.forConference(conference.id);
    if (entries.length === 0) return [{ startsAt: conference.startsAt, endsAt: conference.endsAt, title: conference.title }];
    return entries.map((e) => ({ startsAt: e.startsAt, endsAt: e.endsAt, title: e.title, room: e.room }));
  }
}
