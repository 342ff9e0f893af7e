import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PublicRoute } from '@dialogdag/auth';
import { DomainError } from '@dialogdag/shared';
import { ClaimViews } from '../claim-views.service';
import { readForm } from '../multipart-form';
import { noClaim, receiptMissing, receiptTooLarge } from '../reimbursement.errors';
import { PayeeDto, TravelClaimDto } from '../travel-claim.dto';
import { referenceOf } from '../travel-claim.entity';
import { TravelClaimView } from '../travel-claim.views';
import { claimRequestFromDto } from './claim-request';
import { ClaimantService } from './claimant.service';
import { Passengers } from './passengers';

/** The claimant's API, reached with the personal link's token (no account). */
@ApiTags('travel claims (participants)')
@PublicRoute()
@Controller('api/public/registrations/:token/travel-claim')
export class PublicClaimsController {
  constructor(
    private readonly claimant: ClaimantService,
    private readonly views: ClaimViews,
    private readonly passengers: Passengers,
  ) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: TravelClaimView })
  @ApiConflictResponse({ description: 'Not eligible (each reason in words), past the deadline, a passenger already in another claim, or the amount changed' })
  @ApiNotFoundResponse({ description: 'Unknown or transferred link' })
  async submit(@Param('token') token: string, @Body() body: TravelClaimDto): Promise<TravelClaimView> {
    return this.views.one(await this.claimant.submit(token, claimRequestFromDto(body), 'en'));
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TravelClaimView })
  @ApiNotFoundResponse({ description: 'No claim (withdrawn ones do not count)' })
  async get(@Param('token') token: string): Promise<TravelClaimView> {
    const { claim } = await this.claimant.context(token);
    if (!claim) throw noClaim();
    return this.views.one(claim);
  }

  @Put()
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TravelClaimView, description: 'The corrected claim, its amount computed anew' })
  @ApiConflictResponse({ description: 'Already decided, or past the request deadline' })
  async correct(@Param('token') token: string, @Body() body: TravelClaimDto): Promise<TravelClaimView> {
    return this.views.one(await this.claimant.correct(token, claimRequestFromDto(body), 'en'));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TravelClaimView })
  @ApiConflictResponse({ description: 'Already decided' })
  async withdraw(@Param('token') token: string): Promise<TravelClaimView> {
    return this.views.one(await this.claimant.withdraw(token));
  }

  @Put('payee')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: TravelClaimView, description: 'Stored encrypted; the answer says only that details were given' })
  @ApiConflictResponse({ description: 'The claim is paid, rejected or withdrawn' })
  async payee(@Param('token') token: string, @Body() body: PayeeDto): Promise<TravelClaimView> {
    return this.views.one(await this.claimant.setPayee(token, body, 'en'));
  }

  @Post('receipt')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { receipt: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ type: TravelClaimView, description: 'PDF, JPEG or PNG by content, at most 5 MB; replaces an earlier receipt' })
  async receipt(@Param('token') token: string, @Req() request: FastifyRequest): Promise<TravelClaimView> {
    if (!request.isMultipart()) throw new DomainError('multipart_expected', 'invalid', 'Send the receipt as multipart/form-data with a file field named receipt.', 'receipt');
    const form = await readForm(request);
    if (form.fileTooLarge) throw receiptTooLarge();
    if (!form.file) throw receiptMissing();
    return this.views.one(await this.claimant.uploadReceipt(token, form.file));
  }

  @Get('eligibility')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Whether the holder may claim (before a distance is given), each reason in words, and whom they travel with' })
  async eligibility(@Param('token') token: string) {
    const c = await this.claimant.context(token);
    return {
      eligible: c.eligibility.eligible,
      reasons: c.eligibility.eligible ? [] : c.eligibility.reasons.map((r) => ({ code: r.code, message: r.text.en, wording: r.text })),
      claim: c.claim ? { id: c.claim.id, reference: referenceOf(c.claim) } : null,
      travelsWith: c.passengerOf ? { ...c.passengerOf.driver, reference: referenceOf(c.passengerOf.claim) } : null,
    };
  }

  @Post('preview')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The amount the claim would get, checked as a submission would be; nothing is stored' })
  async preview(@Param('token') token: string, @Body() body: TravelClaimDto) {
    const { amounts } = await this.claimant.preview(token, claimRequestFromDto(body), 'en');
    return { amounts: { travel: amounts.travel, lostEarnings: amounts.lostEarnings, fixedFee: amounts.fixedFee, total: amounts.total }, lostEarningsCapped: amounts.lostEarningsCapped };
  }

  @Get('passenger-candidates')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'Seat-holders the claimant may name as passengers, by name or organisation (at least 2 characters)' })
  async candidates(@Param('token') token: string, @Query('q') q?: string) {
    const items = await this.passengers.candidates(await this.claimant.context(token), typeof q === 'string' ? q.slice(0, 200) : '');
    return { items, total: items.length };
  }
}
