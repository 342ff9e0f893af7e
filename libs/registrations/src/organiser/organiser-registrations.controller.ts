import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { DomainError, Language, SECTORS, toStockholmIso } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { CheckInService } from '../check-in/check-in.service';
import { CheckInCodeDto, RegisterDto, RegistrationCreatedView } from '../registration.dto';
import { parseFilter, REGISTRATION_STATUSES } from '../registration-filter';
import { toRegistrationView } from '../registration.view';
import { OrganiserRegistrationsService } from './organiser-registrations.service';
import { WaiveFeeDto } from './organiser-registrations.dto';

export function parseFormat(format: unknown): 'json' | 'csv' {
  if (format === undefined || format === '' || format === 'json') return 'json';
  if (format === 'csv') return 'csv';
  throw new DomainError('invalid_format', 'invalid', 'format must be json or csv', 'format');
}

/** An optional yes/no flag from a query string, JSON or a form; anything else is a 400 naming it. */
export function parseFlag(name: string, value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 'false' || value === '0') return false;
  if (value === true || value === 'true' || value === '1') return true;
  throw new DomainError('invalid_flag', 'invalid', `${name} must be true or false`, name);
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${filename}"`)
    .header('Cache-Control', 'no-store')
    .send(csv);
}

@ApiTags('registrations')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('participants.read')
@Controller('api/conferences/:id')
export class OrganiserRegistrationsController {
  constructor(
    private readonly organiserRegistrations: OrganiserRegistrationsService,
    private readonly door: CheckInService,
  ) {}

  @Post('check-in-code')
  @Requires('checkin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The registration whose code it is, now checked in' })
  @ApiNotFoundResponse({ description: 'No registration has this code' })
  @ApiConflictResponse({ description: 'Already checked in (the message says when), cancelled, transferred, of another conference, or waitlisted while full' })
  async checkInByCode(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: CheckInCodeDto) {
    return toRegistrationView(await this.door.checkInByCode(organiser.id, id, body.code));
  }

  @Post('registrations/:rid/check-in')
  @Requires('checkin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The registration, checkedInAt set (a repeated check-in keeps the first time)' })
  @ApiConflictResponse({ description: 'Cancelled or transferred, or waitlisted while the conference is full (unless overCapacity is true)' })
  @ApiQuery({ name: 'overCapacity', required: false, type: Boolean, description: 'Admit a waitlisted person although every seat is taken (also accepted in the JSON body)' })
  async checkIn(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Param('rid') rid: string,
    @Query('overCapacity') overCapacityQuery: unknown,
    @Body() body: unknown,
  ) {
    const fromBody = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).overCapacity : undefined;
    const overCapacity = parseFlag('overCapacity', overCapacityQuery) || parseFlag('overCapacity', fromBody);
    return toRegistrationView(await this.organiserRegistrations.checkIn(organiser.id, id, rid, { overCapacity }));
  }

  @Delete('registrations/:rid/check-in')
  @Requires('checkin')
  @ApiOkResponse({ description: 'The registration, checkedInAt null' })
  async undoCheckIn(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('rid') rid: string) {
    return toRegistrationView(await this.organiserRegistrations.undoCheckIn(organiser.id, id, rid));
  }

  /** The same as DELETE …/check-in, for clients that only POST. */
  @Post('registrations/:rid/undo-check-in')
  @Requires('checkin')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The registration, checkedInAt null' })
  async undoCheckInByPost(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('rid') rid: string) {
    return toRegistrationView(await this.organiserRegistrations.undoCheckIn(organiser.id, id, rid));
  }

  @Post('registrations')
  @Requires('participants.manage')
  @ApiCreatedResponse({ type: RegistrationCreatedView, description: 'Also after the registration deadline; waitlisted when full' })
  async register(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: RegisterDto, @Lang() lang: Language): Promise<RegistrationCreatedView> {
    const { registration, manageToken, waitlistPosition } = await this.organiserRegistrations.addByHand(organiser.id, id, body, lang);
    return { id: registration.id, status: registration.status, manageToken, waitlistPosition };
  }

  @Post('walk-ins')
  @Requires('checkin')
  @ApiCreatedResponse({ description: 'Registered and checked in at once; admitted over capacity when full (overCapacity: true)' })
  async walkIn(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: RegisterDto, @Lang() lang: Language) {
    const { registration, manageToken, overCapacity } = await this.organiserRegistrations.walkIn(organiser.id, id, body, lang);
    return { ...toRegistrationView(registration), manageToken, waitlistPosition: null, overCapacity };
  }

  @Get('registrations.csv')
  @ApiProduces('text/csv')
  @ApiQuery({ name: 'status', required: false, enum: REGISTRATION_STATUSES })
  @ApiQuery({ name: 'sector', required: false, enum: SECTORS })
  async listCsv(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
    @Lang() lang: Language,
    @Res() reply: FastifyReply,
  ) {
    const csv = await this.organiserRegistrations.listCsv(organiser.id, id, parseFilter(query), lang);
    return sendCsv(reply, 'deltagare.csv', csv);
  }

  @Get('diets')
  @ApiQuery({ name: 'names', required: false, type: Boolean })
  @ApiOkResponse({ description: '{ total, withDiet, counts: [{ diet, count, names? }] } for seat-holders' })
  async diets(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('names') names?: string) {
    if (names !== undefined && !['true', 'false', '1', '0', ''].includes(names))
      throw new DomainError('invalid_filter', 'invalid', 'names must be true or false', 'names');
    return this.organiserRegistrations.diets(organiser.id, id, names === 'true' || names === '1');
  }

  @Get('badges.pdf')
  @ApiProduces('application/pdf')
  async badges(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Lang() lang: Language, @Res() reply: FastifyReply) {
    const pdf = await this.organiserRegistrations.badges(organiser.id, id, lang);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', 'inline; filename="namnbrickor.pdf"')
      .header('Cache-Control', 'no-store')
      .send(pdf);
  }

  @Get('fees')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiOkResponse({ description: '{ items, total, byOrganisation: [{ organisation, amount, count }], totalAmount }; amounts in öre' })
  async fees(
    @CurrentOrganiser() organiser: AuthenticatedOrganiser,
    @Param('id') id: string,
    @Query('format') format: unknown,
    @Lang() lang: Language,
    @Res() reply: FastifyReply,
  ) {
    if (parseFormat(format) === 'csv') return sendCsv(reply, 'avgifter.csv', await this.organiserRegistrations.feesCsv(organiser.id, id, lang));
    return reply.header('Cache-Control', 'no-store').send(await this.organiserRegistrations.fees(organiser.id, id));
  }

  @Post('registrations/:rid/waive-fee')
  @Requires('participants.manage')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The registration with feeWaived true' })
  async waiveFee(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('rid') rid: string, @Body() body: WaiveFeeDto) {
    const registration = await this.organiserRegistrations.waiveFee(organiser.id, id, rid, body.reason);
    return { ...toRegistrationView(registration), feeWaivedAt: registration.feeWaivedAt ? toStockholmIso(registration.feeWaivedAt) : null, feeWaiverReason: registration.feeWaiverReason };
  }
}
