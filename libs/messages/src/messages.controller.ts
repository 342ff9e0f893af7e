import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { MessageRecordsService } from './message-records.service';
import { MessageDraftDto, MessageView, PreviewView, RecipientsQueryDto, RecipientsView, SendMessageDto } from './messages.dto';
import { MessagesService } from './messages.service';
import { toMessageView, toRecipientView, toSampleView } from './messages.view';
import { RecipientCountFilter } from './recipient-count.filter';

@ApiTags('messages')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/messages')
export class MessagesController {
  constructor(
    private readonly messages: MessagesService,
    private readonly records: MessageRecordsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Messages sent to participants of the conference, newest first, with their progress' })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    const { items, total } = await this.records.list(organiser.id, id);
    return { items: items.map((i) => toMessageView(i.message, i.progress)), total };
  }

  @Post('recipients')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many a filter reaches now, with the first ten' })
  @ApiOkResponse({ type: RecipientsView })
  async recipients(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: RecipientsQueryDto) {
    const { total, sample } = await this.messages.reach(organiser.id, id, body.filter);
    return { total, sample: sample.map(toSampleView) };
  }

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The message rendered for one recipient in each language it is written in',
    description: 'The recipient is registrationId or speakerId when given, else the first the filter reaches, else an example (the organiser).',
  })
  @ApiOkResponse({ type: PreviewView })
  async preview(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: MessageDraftDto) {
    const { recipient, previews } = await this.messages.preview(organiser, id, body);
    return { recipient: recipient && toSampleView(recipient), previews };
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: "Send the preview to the organiser's own e-mail address only, one e-mail per language" })
  sendTest(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: MessageDraftDto) {
    return this.messages.sendTest(organiser, id, body);
  }

  @Post()
  @UseFilters(RecipientCountFilter)
  @ApiOperation({
    summary: 'Send a message to the recipients a filter reaches',
    description:
      'confirmRecipientCount must equal the number the filter reaches now (409 with recipientCount otherwise). ' +
      'One e-mail per recipient, in their language, handed to the outbox at MESSAGE_RATE_PER_MINUTE.',
  })
  @ApiCreatedResponse({ type: MessageView })
  @ApiBadRequestResponse({ description: 'Empty subject or body, unknown placeholder, body over 50,000 characters, a filter that matches nobody' })
  @ApiConflictResponse({ description: 'The confirmed count differs from the current one; the body has recipientCount' })
  async send(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: SendMessageDto) {
    const message = await this.messages.send(organiser, id, body);
    const report = await this.records.get(organiser.id, id, message.id);
    return toMessageView(report.message, report.progress);
  }

  @Get(':messageId')
  @ApiOperation({ summary: 'One message with every recipient: queued, sent or failed, with the reason' })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('messageId') messageId: string) {
    const report = await this.records.get(organiser.id, id, messageId);
    const recipients = report.recipients.map(toRecipientView);
    return { ...toMessageView(report.message, report.progress), recipients: { items: recipients, total: recipients.length } };
  }

  @Post(':messageId/resend-failed')
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue again the recipients whose e-mail failed for good; those still being retried are left alone' })
  resendFailed(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('messageId') messageId: string) {
    return this.records.resendFailed(organiser.id, id, messageId);
  }
}
