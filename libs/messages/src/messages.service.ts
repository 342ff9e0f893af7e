import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthenticatedOrganiser } from '@dialogdag/auth';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { OutboxDispatcher, OutboxService } from '@dialogdag/mail';
import { ParticipantsService } from '@dialogdag/registrations';
import { Clock, Language, ValidationFailed } from '@dialogdag/shared';
import { renderMessage, RenderedMessage } from './domain/compose';
import { contentProblems, MessageContent, writtenLanguages } from './domain/message-content';
import { emailKey, Recipient, RecipientFilter } from './domain/recipient-filter';
import { MessageDeliveryJob } from './delivery/message-delivery.job';
import { Message, MessageRecipient } from './message.entity';
import { noRecipients, RecipientCountChanged } from './messages.errors';
import { TEXTS } from './messages.texts';
import { PlaceholderFacts } from './recipients/placeholder-facts';
import { RecipientsService } from './recipients/recipients.service';

export interface Draft extends MessageContent {
  filter?: RecipientFilter;
  registrationId?: string;
  speakerId?: string;
}

export interface Preview {
  recipient: Recipient | null;
  previews: Partial<Record<Language, Omit<RenderedMessage, 'lang'>>>;
}

const SAMPLE_SIZE = 10;

/** Composing and sending: who a filter reaches, previews, a test to oneself, and the confirmed send. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly participants: ParticipantsService,
    private readonly recipients: RecipientsService,
    private readonly facts: PlaceholderFacts,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly job: MessageDeliveryJob,
  ) {}

  async reach(organiserId: string, conferenceId: string, filter: RecipientFilter): Promise<{ total: number; sample: Recipient[]; all: Recipient[] }> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const all = await this.recipients.resolve(organiserId, conferenceId, filter);
    return { total: all.length, sample: all.slice(0, SAMPLE_SIZE), all };
  }

  /** The message as one recipient would get it, in every language it is written in. */
  async preview(organiser: AuthenticatedOrganiser, conferenceId: string, draft: Draft): Promise<Preview> {
    await this.conferences.assertManages(organiser.id, conferenceId);
    assertContent(draft);
    const conference = await this.conferences.findById(conferenceId);
    const recipient = await this.previewTarget(organiser, conferenceId, draft);
    return { recipient, previews: await this.renderAll(conference, draft, recipient, organiser) };
  }

  /** Sends the preview to the organiser's own address only, one e-mail per language written. */
  async sendTest(organiser: AuthenticatedOrganiser, conferenceId: string, draft: Draft): Promise<{ to: string; queued: number }> {
    const { previews } = await this.preview(organiser, conferenceId, draft);
    const prefix = TEXTS.sv.mail.testPrefix;
    const rendered = Object.values(previews);
    await this.db.transaction(async (manager) => {
      for (const mail of rendered) {
        await this.outbox.enqueue(manager, { kind: 'message_test', to: organiser.email, subject: `${prefix} ${mail.subject}`, text: mail.text, html: mail.html, conferenceId });
      }
    });
    this.dispatcher.nudge();
    return { to: organiser.email, queued: rendered.length };
  }

  /**
   * Stores the message and one row per recipient; the delivery job hands them to the outbox at the
   * configured pace. Refused unless the organiser confirmed exactly the number the filter reaches now.
   */
  async send(organiser: AuthenticatedOrganiser, conferenceId: string, draft: MessageContent & { filter: RecipientFilter; confirmRecipientCount: number }): Promise<Message> {
    await this.conferences.assertManages(organiser.id, conferenceId);
    assertContent(draft);
    const recipients = await this.recipients.resolve(organiser.id, conferenceId, draft.filter);
    if (recipients.length === 0) throw noRecipients();
    if (recipients.length !== draft.confirmRecipientCount) throw new RecipientCountChanged(recipients.length, draft.confirmRecipientCount);
    const langs = writtenLanguages(draft);
    const text = (field: 'subject' | 'body', lang: Language) => (langs.includes(lang) ? draft[field][lang]!.trim() : null);
    const message = await this.db.transaction(async (manager) => {
      const saved = await manager.getRepository(Message).save({
        conferenceId,
        sentById: organiser.id,
        sentByName: organiser.name,
        sentAt: this.clock.now(),
        subjectSv: text('subject', 'sv'),
        bodySv: text('body', 'sv'),
        subjectEn: text('subject', 'en'),
        bodyEn: text('body', 'en'),
        filter: storedFilter(draft.filter),
        recipientCount: recipients.length,
      });
      const rows = recipients.map((r) => ({
        messageId: saved.id,
        registrationId: r.kind === 'participant' ? r.id : null,
        speakerId: r.kind === 'speaker' ? r.id : null,
        name: r.name,
        email: r.email.trim(),
        emailKey: emailKey(r.email),
        language: r.language,
        state: 'queued' as const,
      }));
      for (let i = 0; i < rows.length; i += 500) await manager.getRepository(MessageRecipient).insert(rows.slice(i, i + 500));
      return saved;
    });
    this.job.nudge();
    return message;
  }

  private async renderAll(conference: Conference, content: MessageContent, recipient: Recipient | null, organiser: AuthenticatedOrganiser) {
    const target = recipient ?? { kind: 'participant' as const, id: '', name: organiser.name, email: organiser.email, language: 'sv' as const };
    const [facts] = await this.facts.recipients(
      conference,
      [{ registrationId: target.kind === 'participant' && target.id ? target.id : null, name: target.name, language: target.language }],
      { preview: true },
      true,
    );
    const previews: Preview['previews'] = {};
    for (const lang of writtenLanguages(content)) {
      const { subject, text, html, bodyHtml } = renderMessage(content, this.facts.conference(conference), { ...facts, language: lang });
      previews[lang] = { subject, text, html, bodyHtml };
    }
    return previews;
  }

  /** The chosen recipient, else the filter's first, else nobody (the organiser's name stands in). */
  private async previewTarget(organiser: AuthenticatedOrganiser, conferenceId: string, draft: Draft): Promise<Recipient | null> {
    if (draft.registrationId) {
      const [p] = await this.participants.list(conferenceId, { ids: [draft.registrationId] });
      if (!p) throw new ValidationFailed([{ field: 'registrationId', message: 'registrationId: no registration of this conference has that id.' }]);
      return { kind: 'participant', id: p.id, name: p.name, email: p.email, language: p.language };
    }
    if (draft.speakerId) {
      const found = (await this.recipients.resolve(organiser.id, conferenceId, { speakerIds: [draft.speakerId] }))[0];
      return found ?? null;
    }
    if (draft.filter) return (await this.recipients.resolve(organiser.id, conferenceId, draft.filter))[0] ?? null;
    return null;
  }
}

function assertContent(content: MessageContent): void {
  const problems = contentProblems(content);
  if (problems.length > 0) throw new ValidationFailed(problems);
}

/** Only what was asked, so the stored filter reads as the organiser chose it. */
function storedFilter(filter: RecipientFilter): RecipientFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as RecipientFilter;
}

