import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { isLanguage } from '@dialogdag/shared';
import { CreateWorkshopDto, DeleteWorkshopResultView, RoundView, UpdateWorkshopDto, WorkshopView } from './workshop.dto';
import { WorkshopRounds } from './workshop-rounds';
import { WorkshopsService } from './workshops.service';

@ApiTags('workshops')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id')
export class WorkshopsController {
  constructor(
    private readonly workshops: WorkshopsService,
    private readonly rounds: WorkshopRounds,
  ) {}

  @Post('workshops')
  @ApiOperation({ summary: 'Add a workshop; without round or rounds it is in round 1, the conference’s single round' })
  @ApiCreatedResponse({ type: WorkshopView })
  create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: CreateWorkshopDto): Promise<WorkshopView> {
    return this.workshops.create(organiser.id, id, body);
  }

  @Get('workshops')
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<{ items: WorkshopView[]; total: number }> {
    const items = await this.workshops.list(organiser.id, id);
    return { items, total: items.length };
  }

  @Get('workshop-rounds')
  @ApiOperation({ summary: 'The rounds the workshops run in, in the order they happen, with their labels' })
  @ApiQuery({ name: 'lang', required: false, enum: ['sv', 'en'] })
  async listRounds(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('lang') lang?: string): Promise<{ items: RoundView[]; total: number }> {
    const items = await this.rounds.views(organiser.id, id, isLanguage(lang) ? lang : 'sv');
    return { items, total: items.length };
  }

  @Get('workshops/:workshopId')
  @ApiOkResponse({ type: WorkshopView })
  get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('workshopId') workshopId: string): Promise<WorkshopView> {
    return this.workshops.get(organiser.id, id, workshopId);
  }

  @Patch('workshops/:workshopId')
  @ApiOperation({ summary: 'Change a workshop; 409 for a capacity below the places locked in a round' })
  @ApiOkResponse({ type: WorkshopView })
  update(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('workshopId') workshopId: string,
    @Body() body: UpdateWorkshopDto,
  ): Promise<WorkshopView> {
    return this.workshops.update(organiser.id, id, workshopId, body);
  }

  @Delete('workshops/:workshopId')
  @ApiOperation({
    summary: 'Delete a workshop',
    description: '409 while people have chosen it or are placed in it, unless `force=true`: then their choices of it are cleared and their places removed, and the answer says how many.',
  })
  @ApiQuery({ name: 'force', required: false, type: Boolean })
  @ApiOkResponse({ type: DeleteWorkshopResultView })
  @ApiConflictResponse({ description: 'People have chosen the workshop or are placed in it' })
  remove(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('workshopId') workshopId: string,
    @Query('force') force?: string,
  ): Promise<DeleteWorkshopResultView> {
    return this.workshops.remove(organiser.id, id, workshopId, force === 'true' || force === '1');
  }
}
