import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComposedMail } from './composed-mail';
import { renderMailBody } from './templates/layout';

/** A conference's own paragraphs around the generated ones, placeholders already filled. */
export interface MailTextAdaptation {
  intro: string[];
  closing: string[];
}

/** An automatic e-mail that may be adapted: its conference, kind and language, and its content. */
export type AdaptableMail = ComposedMail & { conferenceId: string; adaptable: NonNullable<ComposedMail['adaptable']> };

/**
 * Where adapted texts come from (the messages lib registers one). Answers one entry per mail,
 * null where the default text stays; called once per batch of enqueued mail, so one query suffices.
 */
export interface MailTextSource {
  adaptationsFor(manager: EntityManager, mails: readonly AdaptableMail[]): Promise<Array<MailTextAdaptation | null>>;
}

const isAdaptable = (mail: ComposedMail): mail is AdaptableMail => Boolean(mail.conferenceId && mail.adaptable);

/**
 * Applies a conference's adapted introduction and closing to automatic e-mails as they are
 * enqueued, in the transaction that enqueues them: the parts that carry rules (fee, deadlines,
 * personal link) stay generated because only whole paragraphs are added around them.
 */
@Injectable()
export class MailTexts {
  private source: MailTextSource | null = null;

  use(source: MailTextSource): void {
    this.source = source;
  }

  async adapt(manager: EntityManager, mails: ComposedMail[]): Promise<ComposedMail[]> {
    const adaptable = mails.filter(isAdaptable);
    if (!this.source || adaptable.length === 0) return mails;
    const found = await this.source.adaptationsFor(manager, adaptable);
    const byMail = new Map(adaptable.map((mail, i) => [mail, found[i]] as const));
    return mails.map((mail) => {
      const adaptation = byMail.get(mail as AdaptableMail);
      if (!adaptation || !mail.adaptable) return mail;
      return { ...mail, ...renderMailBody(withAdaptation(mail.adaptable.body, adaptation), mail.adaptable.lang) };
    });
  }
}

/** The introduction comes first after the greeting, the closing last before the signature. */
export function withAdaptation<T extends { paragraphs: string[] }>(body: T, adaptation: MailTextAdaptation): T {
  return { ...body, paragraphs: [...adaptation.intro, ...body.paragraphs, ...adaptation.closing] };
}
