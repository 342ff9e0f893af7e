import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticatedOrganiser, AuthService, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { ConferencesService } from '@dialogdag/conferences';
import { httpStatusFor, Language } from '@dialogdag/shared';
import { FieldErrors, Lang, redirectTo, renderPage, SafeHtml, sendPage } from '@dialogdag/web';
import { MessageRecordsService } from '../message-records.service';
import { RecipientCountChanged } from '../messages.errors';
import { MessagesService } from '../messages.service';
import { TEXTS } from '../messages.texts';
import { FilterChoiceLoader } from '../recipients/filter-choices';
import { RecipientsService } from '../recipients/recipients.service';
import { ComposeForm, draftDigest, errorsOf, one, readComposeForm } from './compose-form';
import { composePage, PreviewState } from './compose.view';
import { detailPage, listPage } from './records.view';

interface Page {
  lang: Language;
  organiser: AuthenticatedOrganiser;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** Back office: the conference's messages, composing one (preview, test, confirmed send), and each one's progress. */
@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/messages')
export class MessagesPages {
  constructor(
    private readonly messages: MessagesService,
    private readonly records: MessageRecordsService,
    private readonly recipients: RecipientsService,
    private readonly choices: FilterChoiceLoader,
    private readonly conferences: ConferencesService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { items } = await this.records.list(organiser.id, id);
    const conference = await this.conferences.findById(id);
    const names = await this.choices.names(organiser.id, id);
    return this.send({ lang, organiser, req, reply }, TEXTS[lang].list.title, listPage(lang, conference, items, names));
  }

  @Get('new')
  async compose(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    return this.renderCompose({ lang, organiser, req, reply }, id, { groups: ['seat_holders'] }, {});
  }

  /** One form, three steps: preview (count, sample, rendering), a test to oneself, and the confirmed send. */
  @Post('new')
  async submit(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() form: ComposeForm, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = { lang, organiser, req, reply };
    await this.conferences.assertManages(organiser.id, id);
    const { draft, errors } = await readComposeForm(form ?? {});
    if (Object.keys(errors).length > 0) return this.renderCompose(page, id, form, errors, undefined, httpStatusFor('invalid'));
    const t = TEXTS[lang].preview;
    const intent = one(form.intent);
    let notice: PreviewState['notice'];
    let status = 200;
    try {
      if (intent === 'send') {
        const confirmed = Number(one(form.confirmRecipientCount));
        if (one(form.previewed) === draftDigest(draft) && Number.isInteger(confirmed)) {
          const message = await this.messages.send(organiser, id, { ...draft, filter: draft.filter ?? {}, confirmRecipientCount: confirmed });
          return redirectTo(reply, `/admin/conferences/${id}/messages/${message.id}`);
        }
        // Changed since the preview: show what would now be sent, and ask again.
        notice = { text: t.changedSincePreview, kind: 'warn' };
        status = httpStatusFor('conflict');
      }
      if (intent === 'test') {
        const { to } = await this.messages.sendTest(organiser, id, draft);
        notice = { text: t.testSent(to), kind: 'ok' };
      }
    } catch (error) {
      if (error instanceof RecipientCountChanged) {
        notice = { text: t.countChanged(error.recipientCount), kind: 'warn' };
        status = httpStatusFor('conflict');
      } else {
        const failed = errorsOf(error);
        return this.renderCompose(page, id, form, failed, undefined, httpStatusFor('invalid'));
      }
    }
    try {
      const reach = await this.messages.reach(organiser.id, id, draft.filter ?? {});
      const preview = await this.messages.preview(organiser, id, draft);
      return this.renderCompose(page, id, form, {}, { ...reach, ...preview, digest: draftDigest(draft), notice }, status);
    } catch (error) {
      return this.renderCompose(page, id, form, errorsOf(error), undefined, httpStatusFor('invalid'));
    }
  }

  @Get(':messageId')
  async detail(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('messageId') messageId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const report = await this.records.get(organiser.id, id, messageId);
    const conference = await this.conferences.findById(id);
    const resent = (req.query as Record<string, string | undefined>).resent;
    const notice = resent !== undefined && /^\d+$/.test(resent) ? TEXTS[lang].detail.resent(Number(resent)) : undefined;
    const csrf = await this.auth.csrfTokenFor(organiser);
    const names = await this.choices.names(organiser.id, id);
    return this.send({ lang, organiser, req, reply }, TEXTS[lang].detail.title, detailPage(lang, conference, report, csrf, names, notice), 200, csrf);
  }

  @Post(':messageId/resend-failed')
  async resend(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('messageId') messageId: string, @Res() reply: FastifyReply) {
    const { requeued } = await this.records.resendFailed(organiser.id, id, messageId);
    return redirectTo(reply, `/admin/conferences/${id}/messages/${messageId}?resent=${requeued}`);
  }

  private async renderCompose(page: Page, conferenceId: string, form: ComposeForm, errors: FieldErrors, preview?: PreviewState, status = 200) {
    const conference = await this.conferences.findById(conferenceId);
    const csrf = await this.auth.csrfTokenFor(page.organiser);
    const body = composePage({
      lang: page.lang,
      conference,
      csrf,
      organiserEmail: page.organiser.email,
      form,
      errors,
      choices: await this.recipients.choices(page.organiser.id, conferenceId),
      criteria: await this.choices.load(page.organiser.id, conferenceId, page.lang),
      preview,
    });
    return this.send(page, TEXTS[page.lang].compose.title, body, status, csrf);
  }

  private async send(page: Page, title: string, body: SafeHtml, status = 200, csrf?: string) {
    const csrfToken = csrf ?? (await this.auth.csrfTokenFor(page.organiser));
    return sendPage(page.reply, renderPage({ lang: page.lang, title, body, path: page.req.url, backOffice: { organiserName: page.organiser.name, csrfToken } }), status);
  }
}

