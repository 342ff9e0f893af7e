import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PublicRoute } from '@dialogdag/auth';
import { seatsLeft, toConferenceView } from '@dialogdag/conferences';
import { ProgrammeService } from './programme.service';
import { toProgrammeView } from './programme.view';

/** The published conference with its programme; here, because the programme depends on conferences, not the other way round. */
@ApiTags('public')
@PublicRoute()
@Controller('api/public/conferences')
export class PublicConferenceController {
  constructor(private readonly programme: ProgrammeService) {}

  @Get(':slug')
  @ApiOkResponse({ description: 'The published conference and its programme (items in time order, with speakers), slots and moderator of the day' })
  async get(@Param('slug') slug: string) {
    const published = await this.programme.forPublishedConference(slug);
    const { conference } = published;
    const { seatsTaken: _seatsTaken, capacity, ...view } = toConferenceView(conference);
    const programme = toProgrammeView(published);
    return {
      ...view,
      capacity,
      seatsLeft: seatsLeft(conference),
      programme: programme.items,
      programmeSlots: programme.slots,
      moderator: programme.moderator,
    };
  }
}
