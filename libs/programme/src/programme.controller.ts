import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
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
import {
  CreateProgrammeItemDto,
  ProgrammeItemChangedView,
  ProgrammeItemView,
  ProgrammeShiftedView,
  ProgrammeView,
  SetModeratorDto,
  ShiftProgrammeDto,
  UpdateProgrammeItemDto,
} from './programme.dto';
import { ProgrammeCommands } from './programme.commands';
import { ProgrammeService } from './programme.service';
import { toProgrammeView } from './programme.view';

const RULES =
  'Items lie within the conference hours and end after they start. Items in different rooms may run in parallel, whatever ' +
  'their kind. Two items in the same room never overlap, nor do two items with the same speaker; an item without a room is ' +
  'plenary (for everyone, in the main room), so two plenary items never overlap either. A clash answers 409 naming the ' +
  'clashing item with its title and time. An item in a room that overlaps a plenary item is allowed: the answer carries ' +
  '`warnings` naming it. Speakers must be speakers of the same conference (400 otherwise).';

@ApiTags('programme')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id')
export class ProgrammeController {
  constructor(
    private readonly programme: ProgrammeService,
    private readonly commands: ProgrammeCommands,
  ) {}

  @Get('programme')
  @ApiOperation({ summary: 'The programme: items in time order, and slots grouping the items that run in parallel' })
  @ApiOkResponse({ type: ProgrammeView })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<ProgrammeView> {
    return toProgrammeView(await this.programme.programme(organiser.id, id));
  }

  @Get('programme-items')
  @ApiOkResponse({ type: ProgrammeView })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<ProgrammeView> {
    return this.get(organiser, id);
  }

  @Post('programme-items')
  @ApiOperation({ summary: 'Add a programme item', description: RULES })
  @ApiCreatedResponse({ type: ProgrammeItemChangedView })
  @ApiConflictResponse({ description: 'A room or speaker clash, or two plenary items at once; the message names the clashing item' })
  create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: CreateProgrammeItemDto) {
    return this.commands.create(organiser.id, id, body);
  }

  @Post('programme-items/shift')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move every item starting at or after `after` by `minutes`',
    description: `All or nothing, in one transaction; the result must keep the rules (409 naming the first item that would break them). ${RULES}`,
  })
  @ApiOkResponse({ type: ProgrammeShiftedView })
  shift(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: ShiftProgrammeDto) {
    return this.commands.shift(organiser.id, id, body);
  }

  @Get('programme-items/:itemId')
  @ApiOkResponse({ type: ProgrammeItemView })
  getItem(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('itemId') itemId: string) {
    return this.programme.getItem(organiser.id, id, itemId);
  }

  @Patch('programme-items/:itemId')
  @ApiOperation({ summary: 'Change a programme item; `speakers`, when given, replaces the list', description: RULES })
  @ApiOkResponse({ type: ProgrammeItemChangedView })
  update(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('itemId') itemId: string,
    @Body() body: UpdateProgrammeItemDto,
  ) {
    return this.commands.update(organiser.id, id, itemId, body);
  }

  @Delete('programme-items/:itemId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('itemId') itemId: string) {
    await this.commands.remove(organiser.id, id, itemId);
  }

  @Put('programme/moderator')
  @ApiOperation({ summary: 'Set the moderator of the day (a speaker of this conference), or clear it with null' })
  @ApiOkResponse({ type: ProgrammeView })
  setModerator(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: SetModeratorDto) {
    return this.commands.setModerator(organiser.id, id, body.speakerId ?? null);
  }
}
