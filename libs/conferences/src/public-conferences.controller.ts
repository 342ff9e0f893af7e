import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ConferencesService, toConferenceView } from './conferences.service';

@ApiTags('public')
@Controller('api/public/conferences')
export class PublicConferencesController {
  constructor(private readonly conferences: ConferencesService) {}

  @Get(':slug')
  @ApiOkResponse({ description: 'The published conference and its programme' })
  async get(@Param('slug') slug: string) {
    const conference = await this.conferences.findPublishedBySlug(slug);
    const { seatsTaken, capacity, ...view } = toConferenceView(conference);
    return { ...view, capacity, seatsLeft: Math.max(0, capacity - seatsTaken), programme: [] as unknown[] };
  }
}
