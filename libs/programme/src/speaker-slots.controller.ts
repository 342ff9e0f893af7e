import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExcludeController, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { redirectTo } from '@dialogdag/web';
import { SpeakerSlotsService } from './speaker-slots.service';

export class NotifySpeakersDto {
  @ApiPropertyOptional({ type: [String], description: 'Only these speakers; default: every speaker with an e-mail address' })
  @IsOptional()
  @IsArray({ message: 'speakerIds must be a list of speaker ids' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'speakerIds must be a list of speaker ids' })
  speakerIds?: string[];
}

export class NotifyResultView {
  @ApiProperty({ description: 'E-mails queued in the outbox' }) queued!: number;
  @ApiProperty({ type: [String] }) speakerIds!: string[];
}

/** Under the speakers' path, where organisers look for it; here because only the programme knows the slots. */
@ApiTags('speakers')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/speakers/notify')
export class SpeakerSlotsController {
  constructor(private readonly slots: SpeakerSlotsService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'E-mail speakers their slots in the published programme',
    description:
      'Queues one e-mail per speaker with an e-mail address (declined speakers excepted) listing their slots. ' +
      'The same e-mail goes out automatically when a published programme item of theirs changes. 409 while the conference is a draft.',
  })
  @ApiOkResponse({ type: NotifyResultView })
  notify(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: NotifySpeakersDto) {
    return this.slots.notify(organiser.id, id, body?.speakerIds);
  }
}

/** The button on the speakers page. */
@ApiExcludeController()
@Requires('conference.edit')
@Controller('admin/conferences/:id/speakers/notify')
export class SpeakerSlotsPages {
  constructor(private readonly slots: SpeakerSlotsService) {}

  @Post()
  async notify(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    const { queued } = await this.slots.notify(organiser.id, id);
    return redirectTo(reply, `/admin/conferences/${id}/speakers?queued=${queued}`);
  }
}
