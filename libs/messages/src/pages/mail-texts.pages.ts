import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { isLanguage, Language } from '@dialogdag/shared';
import { FieldErrors, Lang, redirectTo, refusalForForm, renderPage, SafeHtml, sendPage } from '@dialogdag/web';
import type { MailTextDraft } from '../domain/mail-text.rules';
import { MailTextsService } from '../mail-texts/mail-texts.service';
import { TEXTS } from '../messages.texts';
import { formOf, MailTextForm, mailTextEditPage, mailTextListPage, resetConfirmPage } from './mail-texts.view';

interface Page {
  lang: Language;
  organiser: AuthenticatedOrganiser;
  req: FastifyRequest;
  reply: FastifyReply;
}

type RawForm = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The drafts as typed, both languages; nothing is trimmed away before it is shown again. */
function draftsOf(form: MailTextForm): Record<Language, MailTextDraft> {
  const draft = (lang: Language) => ({ intro: form[`intro.${lang}`] ?? '', closing: form[`closing.${lang}`] ?? '' });
  return { sv: draft('sv'), en: draft('en') };
}

/** Back office: a conference's own introduction and closing for each automatic e-mail, with a preview and a reset. */
@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/messages/texts')
export class MailTextsPages {
  constructor(
    private readonly texts: MailTextsService,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const items = await this.texts.list(organiser.id, id);
    const conference = await this.conferences.findById(id);
    return this.send({ lang, organiser, req, reply }, TEXTS[lang].mailTexts.list.title, mailTextListPage(lang, conference, items));
  }

  /** The form with what is stored, and the e-mail as it goes out now. */
  @Get(':kind')
  async edit(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const item = await this.texts.get(organiser.id, id, kind);
    const query = req.query as Record<string, string | undefined>;
    const m = TEXTS[lang].mailTexts;
    const notice = query.saved !== undefined ? m.edit.saved : isLanguage(query.reset) ? m.edit.wasReset(m.languageNames[query.reset]) : undefined;
    const preview = await this.texts.preview(organiser, id, kind, {}, fieldName);
    return this.render({ lang, organiser, req, reply }, id, kind, formOf(item), {}, preview, notice);
  }

  /** Save, or preview what is typed; a refusal shows the form again with every field as typed. */
  @Post(':kind')
  async submit(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string, @Body() body: RawForm, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = { lang, organiser, req, reply };
    const form: MailTextForm = Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, one(v)]));
    const drafts = draftsOf(form);
    try {
      if (one(body?.intent) === 'save') {
        await this.texts.save(organiser, id, kind, drafts, fieldName);
        return redirectTo(reply, `/admin/conferences/${id}/messages/texts/${kind}?saved=1`);
      }
      const preview = await this.texts.preview(organiser, id, kind, { registrationId: form.previewAs || undefined, texts: drafts }, fieldName);
      return this.render(page, id, kind, form, {}, preview);
    } catch (error) {
      const { errors, status } = refusalForForm(error, lang, 'intro.sv');
      return this.render(page, id, kind, form, errors, undefined, undefined, status);
    }
  }

  /** Two steps without a script: the button asks, the confirmation resets. */
  @Post(':kind/reset')
  async reset(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string, @Body() body: RawForm, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const item = await this.texts.get(organiser.id, id, kind);
    const language = one(body?.language);
    if (!isLanguage(language)) return redirectTo(reply, `/admin/conferences/${id}/messages/texts/${item.kind}`);
    if (one(body?.confirm) === 'yes') {
      await this.texts.reset(organiser.id, id, item.kind, [language]);
      return redirectTo(reply, `/admin/conferences/${id}/messages/texts/${item.kind}?reset=${language}`);
    }
    const conference = await this.conferences.findById(id);
    const csrf = await this.auth.csrfTokenFor(organiser);
    return this.send({ lang, organiser, req, reply }, TEXTS[lang].mailTexts.reset.title, resetConfirmPage(lang, conference, csrf, item, language), 200, csrf);
  }

  private async render(page: Page, conferenceId: string, kind: string, form: MailTextForm, errors: FieldErrors, preview?: Awaited<ReturnType<MailTextsService['preview']>>, notice?: string, status = 200) {
    const item = await this.texts.get(page.organiser.id, conferenceId, kind);
    const conference = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(page.organiser);
    const people = await this.texts.people(conferenceId);
    const body = mailTextEditPage({ lang: page.lang, conference, csrf, item, form, errors, people, preview, notice });
    return this.send(page, TEXTS[page.lang].mailTexts.edit.title(TEXTS[page.lang].mailTexts.kinds[item.kind].label), body, status, csrf);
  }

  private async send(page: Page, title: string, body: SafeHtml, status = 200, csrf?: string) {
    const csrfToken = csrf ?? (await this.auth.csrfTokenFor(page.organiser));
    return sendPage(page.reply, renderPage({ lang: page.lang, title, body, path: page.req.url, backOffice: { organiserName: page.organiser.name, csrfToken } }), status);
  }
}

const fieldName = (lang: Language, part: string) => `${part}.${lang}`;
