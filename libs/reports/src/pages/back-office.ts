import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessDeclarations, AuthenticatedOrganiser, AuthService, ConferenceRole } from '@dialogdag/auth';
import { DomainError, httpStatusFor, Language } from '@dialogdag/shared';
import { FieldErrors, html, renderPage, SafeHtml, sendPage } from '@dialogdag/web';

export interface PageContext {
  reply: FastifyReply;
  req: FastifyRequest;
  lang: Language;
  organiser: AuthenticatedOrganiser;
}

/** Renders a back-office page with the organiser navigation (or, for print views, without any chrome). */
export async function sendBackOffice(auth: AuthService, ctx: PageContext, title: string, body: SafeHtml, options: { status?: number; print?: boolean } = {}) {
  const csrfToken = await auth.csrfTokenFor(ctx.organiser);
  const page = renderPage({ lang: ctx.lang, title, body, path: ctx.req.url, print: options.print, backOffice: { organiserName: ctx.organiser.name, csrfToken } });
  return sendPage(ctx.reply, page, options.status ?? 200);
}

export const isPrint = (req: FastifyRequest) => ['1', 'true'].includes(String((req.query as Record<string, unknown> | undefined)?.print ?? ''));

/** A refusal shown on the form it came from; not-found (and anything unexpected) goes to the error page. */
export function refusal(error: unknown, fallbackField: string): { errors: FieldErrors; status: number } {
  if (error instanceof DomainError && error.category !== 'not_found') {
    return { errors: { [error.field ?? fallbackField]: error.message }, status: httpStatusFor(error.category) };
  }
  throw error;
}

/** Links to the conference's other pages, those the role opens only (a viewer reads figures, not group notes). */
export function pageLinks(access: AccessDeclarations, role: ConferenceRole, links: Array<[href: string, label: string]>): SafeHtml {
  const shown = links.filter(([href]) => access.roleMay(role, 'GET', href));
  return html`${shown.map(([href, label], i) => html`${i > 0 ? ' · ' : ''}<a href="${href}">${label}</a>`)}`;
}
