import { Injectable } from '@nestjs/common';
import { Clock, formatClock, formatDateTime, formatLongDate, Language } from '@dialogdag/shared';
import { html, renderPage, SafeHtml } from '@dialogdag/web';
import { Conference } from '../conference.entity';
import { ConferencesService } from '../conferences.service';
import { ConferencePageSections, ConferencePageState } from './conference-page-sections';
import { en, sv } from './conference-page.texts';

const TEXTS = { sv, en };

/** The conference as the public sees it: when, where, what it costs; also on pages other libs show about it. */
export function conferenceFacts(c: Conference, lang: Language): SafeHtml {
  const t = TEXTS[lang];
  return html`<dl class="facts">
  <dt>${t.when}</dt><dd>${formatLongDate(c.startsAt, lang)}, ${formatClock(c.startsAt)}–${formatClock(c.endsAt)}</dd>
  <dt>${t.where}</dt><dd>${[c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ')}</dd>
  <dt>${t.cost}</dt><dd>${c.costNote || t.defaultCost}</dd>
  <dt>${t.deadline}</dt><dd>${formatDateTime(c.registrationDeadline, lang)}</dd>
  ${c.targetAudience ? html`<dt>${t.audience}</dt><dd>${c.targetAudience}</dd>` : ''}
  ${c.arrangers ? html`<dt>${t.arrangers}</dt><dd>${c.arrangers}</dd>` : ''}
</dl>`;
}

/** The start page and the public conference page, with the sections other libs add. */
@Injectable()
export class ConferencePageRenderer {
  constructor(
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly sections: ConferencePageSections,
  ) {}

  async home(lang: Language, path: string): Promise<string> {
    const t = TEXTS[lang];
    const items = await this.conferences.listUpcomingPublished(this.clock.now());
    const body = html`<h1>${t.upcoming}</h1>
${items.length === 0 ? html`<p>${t.noneUpcoming}</p>` : html`<ul>${items.map((c) => html`<li><a href="/c/${c.slug}">${c.title}</a> – ${formatLongDate(c.startsAt, lang)}, ${c.venueCity || c.venueName}</li>`)}</ul>`}`;
    return renderPage({ lang, path, title: t.upcoming, body });
  }

  /** `state`: what a section's form sent, when the page comes back with it. */
  async page(lang: Language, path: string, c: Conference, state: ConferencePageState = {}): Promise<string> {
    const parts = await Promise.all(this.sections.sections.map((section) => section.render(c, lang, state)));
    const body = html`<h1>${c.title}</h1>
${c.description ? html`<p class="lead">${c.description}</p>` : ''}
${conferenceFacts(c, lang)}
${parts.filter((part) => part !== null).map((part, i) => html`${i > 0 ? '\n' : ''}${part}`)}
<p class="privacy-link"><a href="/c/${c.slug}/privacy?lang=${lang}">${TEXTS[lang].privacy}</a></p>`;
    return renderPage({ lang, path, title: c.title, body });
  }
}
