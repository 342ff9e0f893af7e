import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, PublicRoute, Requires } from '@dialogdag/auth';
import { Clock, Language, SECTORS } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { CancelDto, CancellationView, RegisterDto, RegistrationCreatedView, TransferDto, TransferView, UpdateRegistrationDto } from './registration.dto';
import { parseFilter, REGISTRATION_STATUSES } from './registration-filter';
import { toPersonalView, toRegistrationView } from './registration.view';
import { RegistrationsService } from './registrations.service';
import { parseFormat } from './organiser/organiser-registrations.controller';
import { OrganiserRegistrationsService } from './organiser/organiser-registrations.service';
import type { FastifyReply } from 'fastify';
import { AnnotationTable } from './extensions/annotation-table';
import { RegistrationExtensions } from './extensions/registration-extensions';

@ApiTags('public')
@PublicRoute()
@Controller('api/public')
export class PublicRegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly clock: Clock,
  ) {}

  @Post('conferences/:slug/registrations')
  @ApiCreatedResponse({ type: RegistrationCreatedView })
  async register(@Param('slug') slug: string, @Body() body: RegisterDto, @Lang() lang: Language): Promise<RegistrationCreatedView> {
    const { registration, manageToken, waitlistPosition } = await this.registrations.registerPublic(slug, body, lang);
    return { id: registration.id, status: registration.status, manageToken, waitlistPosition };
  }

  @Get('registrations/:token')
  @Header('Cache-Control', 'no-store')
  async get(@Param('token') token: string) {
    const { registration, conference, waitlistPosition } = await this.registrations.findByToken(token);
    return toPersonalView(registration, conference, waitlistPosition, this.clock.now());
  }

  @Patch('registrations/:token')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The updated registration' })
  @ApiConflictResponse({ description: 'Past the modification deadline, or the registration is cancelled' })
  async update(@Param('token') token: string, @Body() body: UpdateRegistrationDto) {
    const { registration, conference, waitlistPosition } = await this.registrations.updateByToken(token, body);
    return toPersonalView(registration, conference, waitlistPosition, this.clock.now());
  }

  @Post('registrations/:token/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: CancellationView })
  @ApiConflictResponse({ description: 'Already cancelled, the conference has started, or cancelling now costs other than expectedFee' })
  @ApiNotFoundResponse({ description: 'Unknown or transferred link' })
  async cancel(@Param('token') token: string, @Body() body: CancelDto): Promise<CancellationView> {
    const { fee } = await this.registrations.cancelByToken(token, body?.expectedFee);
    return { status: 'cancelled', fee };
  }

  @Post('registrations/:token/transfer')
  @ApiCreatedResponse({ type: TransferView, description: 'The colleague’s new registration; the old link stops working' })
  @ApiConflictResponse({ description: 'Cancelled, the conference has started, or the colleague is already registered' })
  async transfer(@Param('token') token: string, @Body() body: TransferDto): Promise<TransferView> {
    const { registration, manageToken, waitlistPosition } = await this.registrations.transferByToken(token, body);
    return { id: registration.id, status: registration.status, manageToken, waitlistPosition };
  }
}

@ApiTags('registrations')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('participants.read')
@Controller('api/conferences/:id/registrations')
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly extensions: RegistrationExtensions,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: REGISTRATION_STATUSES })
  @ApiQuery({ name: 'sector', required: false, enum: SECTORS })
  @ApiQuery({ name: 'q', required: false, description: 'Part of a name or organisation, any case' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'csv: for Excel (UTF-8 with BOM, `;`)' })
  @ApiOkResponse({ description: '{ items, total }; each item has `annotations` from the libs built on registrations, e.g. { workshop, table }' })
  async list(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') conferenceId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Lang() lang: Language,
  ) {
    const filter = parseFilter(query);
    if (parseFormat(query.format) === 'csv') {
      const csv = await this.organiserRegistrations.listCsv(organiser.id, conferenceId, filter, lang);
      reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="deltagare.csv"');
      return csv;
    }
    const { items, total } = await this.registrations.list(organiser.id, conferenceId, filter);
    const annotations = await AnnotationTable.load(this.extensions, conferenceId, items.map((r) => r.id), lang);
    return { items: items.map((r) => ({ ...toRegistrationView(r), annotations: annotations.record(r.id) })), total };
  }

  @Post(':rid/cancel')
  @Requires('participants.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: CancellationView, description: 'Cancelled on the participant’s behalf; the fee rules apply (waive it separately)' })
  @ApiConflictResponse({ description: 'Already cancelled, or cancelling now costs other than expectedFee' })
  async cancel(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') conferenceId: string,
    @Param('rid') registrationId: string,
    @Body() body: CancelDto,
  ): Promise<CancellationView> {
    const { fee } = await this.registrations.cancelByOrganiser(organiser.id, conferenceId, registrationId, body?.expectedFee);
    return { status: 'cancelled', fee };
  }

  @Post(':rid/transfer')
  @Requires('participants.manage')
  @ApiCreatedResponse({ type: TransferView, description: 'The colleague’s new registration; the old link stops working' })
  @ApiConflictResponse({ description: 'Cancelled, the conference has started, or the colleague is already registered' })
  async transfer(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') conferenceId: string,
    @Param('rid') registrationId: string,
    @Body() body: TransferDto,
  ): Promise<TransferView> {
    const { registration, manageToken, waitlistPosition } = await this.registrations.transferByOrganiser(organiser.id, conferenceId, registrationId, body);
    return { id: registration.id, status: registration.status, manageToken, waitlistPosition };
  }
}
