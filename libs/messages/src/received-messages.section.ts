import { Injectable, OnModuleInit } from '@nestjs/common';
import { PersonalSectionContext, RegistrationExtensions } from '@dialogdag/registrations';
import { formatDateTime } from '@dialogdag/shared';
import { html, SafeHtml, unsafeRaw } from '@dialogdag/web';
import { renderContent } from './domain/compose';
import { contentOf } from './message.entity';
import { MessageRecordsService } from './message-records.service';
import { TEXTS } from './messages.texts';
import { PlaceholderFacts } from './recipients/placeholder-facts';

/** "Messages from the organisers" on the personal page: what this registration was sent, in the page's language. */
@Injectable()
export class ReceivedMessagesSection implements OnModuleInit {
  constructor(
    private readonly extensions: RegistrationExtensions,
    private readonly records: MessageRecordsService,
    private readonly facts: PlaceholderFacts,
  ) {}

  onModuleInit(): void {
    this.extensions.addPersonalSection({ key: 'messages', render: (context) => this.render(context) });
  }

  async render({ participant, conference, token, lang }: PersonalSectionContext): Promise<SafeHtml | null> {
    const messages = await this.records.receivedBy(participant.id);
    if (messages.length === 0) return null;
    // The page was opened with a working link; the messages show that one rather than issuing new ones.
    const [recipient] = await this.facts.recipients(conference, [{ registrationId: participant.id, name: participant.name, language: lang }], { token }, true);
    const conferenceFacts = this.facts.conference(conference);
    const t = TEXTS[lang].personal;
    return html`<section class="messages-received" aria-labelledby="messages-received">
<h2 id="messages-received">${t.title}</h2>
${messages.map((message) => {
  const shown = renderContent(contentOf(message), conferenceFacts, recipient);
  // bodyHtml is built by the safe formatter: every piece of text in it is escaped.
  return html`<article lang="${shown.lang}">
<h3>${shown.subject}</h3>
<p class="hint"><time datetime="${message.sentAt.toISOString()}">${formatDateTime(message.sentAt, lang)}</time></p>
${unsafeRaw(shown.bodyHtml)}
</article>`;
})}
</section>`;
  }
}
