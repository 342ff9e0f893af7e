import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { CreateSpeakerDto, SpeakerView, UpdateSpeakerDto } from './speaker.dto';
import { SpeakersService, toSpeakerView } from './speakers.service';

@ApiTags('speakers')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Post()
  @ApiCreatedResponse({ type: SpeakerView })
  async create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: CreateSpeakerDto): Promise<SpeakerView> {
    return toSpeakerView(await this.speakers.create(organiser.id, id, body));
  }

  @Get()
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    const items = (await this.speakers.list(organiser.id, id)).map(toSpeakerView);
    return { items, total: items.length };
  }

  @Get(':speakerId')
  @ApiOkResponse({ type: SpeakerView })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('speakerId') speakerId: string) {
    return toSpeakerView(await this.speakers.get(organiser.id, id, speakerId));
  }

  @Patch(':speakerId')
  @ApiOkResponse({ type: SpeakerView })
  async update(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('speakerId') speakerId: string,
    @Body() body: UpdateSpeakerDto,
  ) {
    return toSpeakerView(await this.speakers.update(organiser.id, id, speakerId, body));
  }

  @Delete(':speakerId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a speaker; 409 while they are in a programme item or moderate the day (remove them there first)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The speaker is in the programme' })
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('speakerId') speakerId: string) {
    await this.speakers.remove(organiser.id, id, speakerId);
  }
}
