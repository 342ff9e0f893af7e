import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService } from '@dialogdag/auth';
import { Conference } from '@dialogdag/conferences';
import { Language } from '@dialogdag/shared';
import { html, renderPage, SafeHtml, sendPage } from '@dialogdag/web';
import { catalogue } from '../i18n';

/** The frame of the back-office pages about registrations: navigation, CSRF token, the way back. */
@Injectable()
export class OrganiserPage {
  constructor(private readonly auth: AuthService) {}

  csrfToken(organiser: AuthenticatedOrganiser): Promise<string> {
    return this.auth.csrfTokenFor(organiser);
  }

  async send(
    reply: FastifyReply,
    req: FastifyRequest,
    lang: Language,
    organiser: AuthenticatedOrganiser,
    page: { title: string; body: SafeHtml; status?: number; print?: boolean },
  ): Promise<FastifyReply> {
    const csrfToken = await this.csrfToken(organiser);
    const rendered = renderPage({ lang, title: page.title, body: page.body, path: req.url, print: page.print, backOffice: { organiserName: organiser.name, csrfToken } });
    return sendPage(reply, rendered, page.status ?? 200);
  }

  backLink(c: Conference, lang: Language): SafeHtml {
    return html`<p><a href="/admin/conferences/${c.id}">${catalogue(lang).organiser.back}: ${c.title}</a></p>`;
  }
}
