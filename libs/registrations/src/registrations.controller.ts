import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, OrganiserGuard } from '@dialogdag/auth';
import { Clock, DomainError, Language, Sector, SECTORS } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { CancellationView, RegisterDto, RegistrationCreatedView, TransferDto, TransferView, UpdateRegistrationDto } from './registration.dto';
import { RegistrationStatus } from './registration.entity';
import { toPersonalView, toRegistrationView } from './registration.view';
import { RegistrationsService } from './registrations.service';
import { parseFilter, parseFormat } from './organiser/organiser-registrations.controller';
import { OrganiserRegistrationsService } from './organiser/organiser-registrations.service';
import type { FastifyReply } from 'fastify';
import { AnnotationTable } from './extensions/annotation-table';
import { RegistrationExtensions } from './extensions/registration-extensions';

const STATUSES: RegistrationStatus[] = ['confirmed', 'waitlisted', 'cancelled', 'transferred'];

@ApiTags('public')
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
  @ApiConflictResponse({ description: 'Already cancelled, or the conference has started' })
  @ApiNotFoundResponse({ description: 'Unknown or transferred link' })
  async cancel(@Param('token') token: string): Promise<CancellationView> {
    const { fee } = await this.registrations.cancelByToken(token);
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
@UseGuards(OrganiserGuard)
@Controller('api/conferences/:id/registrations')
export class RegistrationsController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly extensions: RegistrationExtensions,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'sector', required: false, enum: SECTORS })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'csv: for Excel (UTF-8 with BOM, `;`)' })
  async list(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') conferenceId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Lang() lang: Language,
    @Query('status') status?: string,
    @Query('sector') sector?: string,
    @Query('format') format?: string,
    @Query('q') q?: string,
  ) {
    if (parseFormat(format) === 'csv') {
      const csv = await this.organiserRegistrations.listCsv(organiser.id, conferenceId, parseFilter({ status, sector, q }), lang);
      reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="deltagare.csv"');
      return csv;
    }
    if (status !== undefined && !STATUSES.includes(status as RegistrationStatus))
      throw new DomainError('invalid_filter', 'invalid', `status must be one of ${STATUSES.join(', ')}`, 'status');
    if (sector !== undefined && !SECTORS.includes(sector as Sector))
      throw new DomainError('invalid_filter', 'invalid', `sector must be one of ${SECTORS.join(', ')}`, 'sector');
    const { items, total } = await this.registrations.list(organiser.id, conferenceId, {
      status: status as RegistrationStatus | undefined,
      sector: sector as Sector | undefined,
    });
    const annotations = await AnnotationTable.load(this.extensions, conferenceId, items.map((r) => r.id), lang);
    return { items: items.map((r) => ({ ...toRegistrationView(r), annotations: annotations.record(r.id) })), total };
  }

  @Post(':rid/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: CancellationView, description: 'Cancelled on the participant’s behalf; the fee rules apply (waive it separately)' })
  @ApiConflictResponse({ description: 'Already cancelled' })
  async cancel(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') conferenceId: string, @Param('rid') registrationId: string): Promise<CancellationView> {
    const { fee } = await this.registrations.cancelByOrganiser(organiser.id, conferenceId, registrationId);
    return { status: 'cancelled', fee };
  }

  @Post(':rid/transfer')
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
