import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { AssignmentItemView, AssignmentView, NotifyWorkshopsResultView, PlaceParticipantDto } from './assignment.dto';
import { AssignmentService } from './assignment.service';
import { WorkshopNotifyService } from './workshop-notify.service';

@ApiTags('workshops')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/workshop-assignment')
export class AssignmentController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly notifier: WorkshopNotifyService,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the workshop assignment',
    description:
      'Places every seat holder with preferences in a workshop in each round where capacity allows, optimally: first as few as possible ' +
      'with none of their choices, then as many first, second and third choices as possible; locked places stay. Deterministic; earlier ' +
      'registrations win ties. People without preferences fill the room left, spreading the parties; each workshop is split into dialogue groups. ' +
      '409 when the conference has no workshops.',
  })
  @ApiOkResponse({ type: AssignmentView })
  @ApiConflictResponse({ description: 'No workshops to assign' })
  run(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<AssignmentView> {
    return this.assignment.run(organiser.id, id);
  }

  @Get()
  @ApiOperation({ summary: 'The stored assignment, the last run’s metrics and who changed since' })
  @ApiOkResponse({ type: AssignmentView })
  current(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<AssignmentView> {
    return this.assignment.current(organiser.id, id);
  }

  @Post('notify')
  @HttpCode(200)
  @ApiOperation({ summary: 'E-mail every placed participant their workshop(s), room and dialogue group' })
  @ApiOkResponse({ type: NotifyWorkshopsResultView })
  notify(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<NotifyWorkshopsResultView> {
    return this.notifier.notify(organiser.id, id);
  }

  @Put(':registrationId')
  @ApiOperation({
    summary: 'Place a seat holder in a workshop by hand',
    description: 'Replaces their place in that round. 409 when the workshop is full or the person attends it in another round; locked unless `locked: false`.',
  })
  @ApiOkResponse({ type: AssignmentItemView })
  place(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('registrationId') registrationId: string,
    @Body() body: PlaceParticipantDto,
  ): Promise<AssignmentItemView> {
    return this.assignment.place(organiser.id, id, registrationId, body);
  }

  @Delete(':registrationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a person out of their workshop (in `round`, or in every round)' })
  @ApiQuery({ name: 'round', required: false })
  @ApiNoContentResponse()
  async unplace(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('registrationId') registrationId: string,
    @Query('round') round?: string,
  ): Promise<void> {
    await this.assignment.unplace(organiser.id, id, registrationId, round);
  }
}
