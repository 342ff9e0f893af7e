import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalSectionContext, RegistrationExtensions } from '@dialogdag/registrations';
import { toStockholmIso } from '@dialogdag/shared';
import { renderContent } from './domain/compose';
import { contentOf } from './message.entity';
import { MessageRecordsService } from './message-records.service';
import { PlaceholderFacts } from './recipients/placeholder-facts';

/**
 * The messages section of "Download my data": what the organisers sent this registration, as the person read
 * it (placeholders filled for them, with the link the export was asked through). Who sent it is left out.
 */
@Injectable()
export class MessagesPersonalData implements OnModuleInit {
  constructor(
    private readonly extensions: RegistrationExtensions,
    private readonly records: MessageRecordsService,
    private readonly facts: PlaceholderFacts,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalData({ key: 'messages', collect: (context) => this.collect(context) });
  }

  async collect({ participant, conference, token, lang }: PersonalSectionContext) {
    const messages = await this.records.receivedBy(participant.id);
    if (messages.length === 0) return [];
    const [recipient] = await this.facts.recipients(conference, [{ registrationId: participant.id, name: participant.name, language: lang }], { token }, true);
    const conferenceFacts = this.facts.conference(conference);
    return messages.map((message) => {
      const shown = renderContent(contentOf(message), conferenceFacts, recipient);
      return { sentAt: toStockholmIso(message.sentAt), language: shown.lang, subject: shown.subject, body: shown.bodyText };
    });
  }
}
