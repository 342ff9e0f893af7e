import { Injectable } from '@nestjs/common';
import { Conference, ConferencesService, seatsLeft } from '@dialogdag/conferences';
import { ProgrammeService, renderProgramme } from '@dialogdag/programme';
import { Clock, formatClock, formatDateTime, formatLongDate, Language } from '@dialogdag/shared';
import { html, renderPage, SafeHtml } from '@dialogdag/web';
import { BookTablesService } from '../book-tables/book-tables.service';
import { RegistrationExtensions } from '../extensions/registration-extensions';
import { catalogue } from '../i18n';
import { registrationWindow } from '../registration.rules';
import { registerNowLink, RegistrationFormContext, registrationFormSection, RegistrationFormState } from './registration-form.view';

/** The conference as the public sees it: when, where, what it costs. */
export function conferenceFacts(c: Conference, lang: Language): SafeHtml {
  const t = catalogue(lang).conference;
  return html`<dl class="facts">
  <dt>${t.when}</dt><dd>${formatLongDate(c.startsAt, lang)}, ${formatClock(c.startsAt)}–${formatClock(c.endsAt)}</dd>
  <dt>${t.where}</dt><dd>${[c.venueName, c.venueAddress, c.venueCity].filter(Boolean).join(', ')}</dd>
  <dt>${t.cost}</dt><dd>${c.costNote || t.defaultCost}</dd>
  <dt>${t.deadline}</dt><dd>${formatDateTime(c.registrationDeadline, lang)}</dd>
  ${c.targetAudience ? html`<dt>${t.audience}</dt><dd>${c.targetAudience}</dd>` : ''}
  ${c.arrangers ? html`<dt>${t.arrangers}</dt><dd>${c.arrangers}</dd>` : ''}
</dl>`;
}

/** The start page and the public conference page with its registration form. */
@Injectable()
export class ConferencePageView {
  constructor(
    private readonly clock: Clock,
    private readonly conferences: ConferencesService,
    private readonly programme: ProgrammeService,
    private readonly extensions: RegistrationExtensions,
    private readonly bookTables: BookTablesService,
  ) {}

  async home(lang: Language, path: string): Promise<string> {
    const t = catalogue(lang).conference;
    const items = await this.conferences.listUpcomingPublished(this.clock.now());
    const body = html`<h1>${t.upcoming}</h1>
${items.length === 0 ? html`<p>${t.noneUpcoming}</p>` : html`<ul>${items.map((c) => html`<li><a href="/c/${c.slug}">${c.title}</a> – ${formatLongDate(c.startsAt, lang)}, ${c.venueCity || c.venueName}</li>`)}</ul>`}`;
    return renderPage({ lang, path, title: t.upcoming, body });
  }

  /** What the form offers now: whether it is open or full, the other libs' choices, book tables. */
  async formContext(c: Conference, lang: Language): Promise<RegistrationFormContext> {
    const window = registrationWindow(c, this.clock.now());
    const open = window === 'open';
    return {
      window,
      full: seatsLeft(c) === 0,
      rounds: open ? ((await this.extensions.preferences?.rounds(c.id, lang)) ?? []) : [],
      bookTables: open && (await this.bookTables.limitOf(c.id)) > 0,
    };
  }

  async conferencePage(lang: Language, path: string, c: Conference, state: RegistrationFormState): Promise<string> {
    const ctx = await this.formContext(c, lang);
    const body = html`<h1>${c.title}</h1>
${c.description ? html`<p class="lead">${c.description}</p>` : ''}
${conferenceFacts(c, lang)}
${registerNowLink(ctx, lang)}
${renderProgramme(await this.programme.forConference(c.id), lang, { links: `/c/${c.slug}` })}
${registrationFormSection(c, lang, ctx, state)}`;
    return renderPage({ lang, path, title: c.title, body });
  }
}
