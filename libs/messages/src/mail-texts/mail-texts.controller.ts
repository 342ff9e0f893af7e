import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { isLanguage, Language, LANGUAGES, ValidationFailed } from '@dialogdag/shared';
import { MAIL_TEXT_KINDS } from '../domain/mail-text-kinds';
import { MailTextItemView, MailTextListView, MailTextPreviewView, PreviewMailTextDto, SaveMailTextDto, toItemView, toPreviewView } from './mail-texts.dto';
import { MailTextsService } from './mail-texts.service';

const kindParam = { name: 'kind', enum: MAIL_TEXT_KINDS, description: 'The automatic e-mail, by its kind' };
const draftOf = (d?: { intro?: string; closing?: string }) => d && { intro: d.intro ?? '', closing: d.closing ?? '' };

@ApiTags('mail texts')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/mail-texts')
export class MailTextsController {
  constructor(private readonly texts: MailTextsService) {}

  @Get()
  @ApiOperation({
    summary: "The automatic e-mails a conference can adapt, with the conference's own introduction and closing per language",
    description: 'The parts that carry rules (fee, deadlines, personal link) stay generated; only paragraphs before and after them are the conference’s own.',
  })
  @ApiOkResponse({ type: MailTextListView })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<MailTextListView> {
    const items = (await this.texts.list(organiser.id, id)).map((item) => toItemView(id, item));
    return { items, total: items.length };
  }

  @Get(':kind')
  @ApiParam(kindParam)
  @ApiOkResponse({ type: MailTextItemView })
  @ApiNotFoundResponse({ description: 'No such conference of yours, or no automatic e-mail of that kind' })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string): Promise<MailTextItemView> {
    return toItemView(id, await this.texts.get(organiser.id, id, kind));
  }

  @Put(':kind')
  @ApiParam(kindParam)
  @ApiOperation({
    summary: "Set one language's introduction and closing of an automatic e-mail",
    description: 'Used from the next e-mail of that kind on. Both empty: back to the default text.',
  })
  @ApiOkResponse({ type: MailTextItemView })
  @ApiBadRequestResponse({ description: 'An unknown placeholder (named), {personalLink} in an e-mail without a personal link, a part over 2,000 characters' })
  async save(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string, @Body() body: SaveMailTextDto): Promise<MailTextItemView> {
    const item = await this.texts.save(organiser, id, kind, { [body.language]: draftOf(body) }, (_, part) => part);
    return toItemView(id, item);
  }

  @Delete(':kind')
  @ApiParam(kindParam)
  @ApiQuery({ name: 'language', enum: LANGUAGES, required: false, description: 'The language to reset; both when left out' })
  @ApiOperation({ summary: 'Back to the default text' })
  @ApiOkResponse({ type: MailTextItemView })
  async reset(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string, @Query('language') language?: string): Promise<MailTextItemView> {
    return toItemView(id, await this.texts.reset(organiser.id, id, kind, languagesOf(language)));
  }

  @Post(':kind/preview')
  @HttpCode(200)
  @ApiParam(kindParam)
  @ApiOperation({
    summary: 'The e-mail as a participant would get it, in Swedish and English, with the adapted texts applied; nothing is sent',
    description: 'texts: drafts not yet saved. Without registrationId: the first seat holder, or an imaginary participant.',
  })
  @ApiOkResponse({ type: MailTextPreviewView })
  async preview(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('kind') kind: string, @Body() body: PreviewMailTextDto): Promise<MailTextPreviewView> {
    const texts = { sv: draftOf(body.texts?.sv), en: draftOf(body.texts?.en) };
    const preview = await this.texts.preview(organiser, id, kind, { registrationId: body.registrationId, texts }, (lang, part) => `texts.${lang}.${part}`);
    return toPreviewView(preview);
  }
}

function languagesOf(language: string | undefined): Language[] {
  if (language === undefined || language === '') return [...LANGUAGES];
  if (isLanguage(language)) return [language];
  throw new ValidationFailed([{ field: 'language', message: 'language must be sv or en (or left out for both).' }]);
}
