import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Language } from '@dialogdag/shared';
import { errorSummary, FieldErrors, html, INVALID_FORM_STATUS, Lang, redirectTo, renderPage, sendPage, textField, validateForm } from '@dialogdag/web';
import { PlatformAdmin } from '../access/access.decorators';
import { CreateOrganiserDto } from '../auth.dto';
import { AuthenticatedOrganiser, AuthService } from '../auth.service';
import { AUTH_TEXTS } from '../auth.texts';
import { CurrentOrganiser } from '../organiser.guard';

type FormBody = Record<string, string | undefined>;

/** Platform administrators create organiser accounts here (as `POST /api/auth/organisers` does). */
@ApiExcludeController()
@PlatformAdmin()
@Controller('admin/organisers')
export class OrganiserAccountsPages {
  constructor(private readonly auth: AuthService) {}

  @Get()
  async page(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Query('created') created: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.render(reply, req, lang, organiser, {}, {}, 200, typeof created === 'string' ? created : undefined);
  }

  @Post()
  async create(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Body() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const t = AUTH_TEXTS[lang].accounts;
    const { dto, errors } = await validateForm(CreateOrganiserDto, { email: body.email?.trim(), name: body.name?.trim(), password: body.password ?? '' });
    if (Object.keys(errors).length) {
      const shown: FieldErrors = { ...(errors.email ? { email: t.invalidEmail } : {}), ...(errors.name ? { name: t.invalidName } : {}), ...(errors.password ? { password: t.passwordHint } : {}) };
      return this.render(reply, req, lang, organiser, body, shown, INVALID_FORM_STATUS);
    }
    try {
      await this.auth.createOrganiser(dto);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.category !== 'invalid' && error.category !== 'conflict')) throw error;
      const status = error.category === 'conflict' ? 409 : INVALID_FORM_STATUS;
      return this.render(reply, req, lang, organiser, body, { [error.field ?? 'email']: error.textIn(lang) }, status);
    }
    return redirectTo(reply, `/admin/organisers?created=${encodeURIComponent(dto.email)}`);
  }

  private async render(reply: FastifyReply, req: FastifyRequest, lang: Language, organiser: AuthenticatedOrganiser, values: FormBody, errors: FieldErrors, status: number, created?: string) {
    const t = AUTH_TEXTS[lang].accounts;
    const csrfToken = await this.auth.csrfTokenFor(organiser);
    const body = html`<h1>${t.title}</h1>
<p>${t.intro}</p>
${created ? html`<div class="notice ok" role="status"><p>${t.created(created)}</p></div>` : ''}
${errorSummary(t.problem, errors)}
<form method="post" action="/admin/organisers" novalidate>
  <input type="hidden" name="_csrf" value="${csrfToken}">
  ${textField({ name: 'email', label: t.email, type: 'email', value: values.email, error: errors.email, required: true, autocomplete: 'off' })}
  ${textField({ name: 'name', label: t.name, value: values.name, error: errors.name, required: true, autocomplete: 'off' })}
  ${textField({ name: 'password', label: t.password, type: 'password', hint: t.passwordHint, error: errors.password, required: true, autocomplete: 'new-password' })}
  <button type="submit">${t.create}</button>
</form>`;
    return sendPage(reply, renderPage({ lang, title: t.title, body, path: req.url, backOffice: { organiserName: organiser.name, csrfToken } }), status);
  }
}
