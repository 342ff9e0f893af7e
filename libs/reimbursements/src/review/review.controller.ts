import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { DomainError, Language } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { ClaimStore } from '../claims.store';
import { noReceipt } from '../reimbursement.errors';
import { CLAIM_FILTERS, ClaimFilter } from '../rules/claim-state.rules';
import { receiptExtension, ReceiptType } from '../rules/receipt.rules';
import { BulkPaidDto, MarkPaidDto, ReviewDecisionDto } from '../travel-claim.dto';
import { referenceOf } from '../travel-claim.entity';
import { TravelClaimView } from '../travel-claim.views';
import { paymentListCsv, paymentListXlsx } from './payment-list';
import { PayeeReader } from './payment-list.service';
import { ReviewService } from './review.service';
import { TRAVEL_CLAIM } from './claim-access';

export function parseClaimFilter(value: unknown): ClaimFilter {
  if (value === undefined || value === '') return 'all';
  if (CLAIM_FILTERS.includes(value as ClaimFilter)) return value as ClaimFilter;
  throw new DomainError('invalid_filter', 'invalid', `status must be one of ${CLAIM_FILTERS.join(', ')}`, 'status');
}

function parseExportFormat(value: unknown): 'csv' | 'xlsx' {
  if (value === undefined || value === '' || value === 'csv') return 'csv';
  if (value === 'xlsx') return 'xlsx';
  throw new DomainError('invalid_format', 'invalid', 'format must be csv or xlsx', 'format');
}

async function sendPaymentList(reply: FastifyReply, format: 'csv' | 'xlsx', rows: Parameters<typeof paymentListCsv>[0], lang: Language): Promise<FastifyReply> {
  reply.header('Cache-Control', 'no-store');
  if (format === 'csv') {
    return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', 'attachment; filename="utbetalningar.csv"').send(paymentListCsv(rows, lang));
  }
  return reply
    .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('Content-Disposition', 'attachment; filename="utbetalningar.xlsx"')
    .send(await paymentListXlsx(rows, lang));
}

@ApiTags('travel claims')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('claims.review')
@Controller('api')
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly payees: PayeeReader,
    private readonly store: ClaimStore,
  ) {}

  @Get('conferences/:id/travel-claims')
  @ApiQuery({ name: 'status', required: false, enum: CLAIM_FILTERS, description: '"approved" includes adjusted claims not yet paid; "all" (default) leaves out withdrawn ones' })
  @ApiOkResponse({ description: '{ items, total, budget: { total, approved, paid, left } } in öre; no payee details' })
  list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Query('status') status?: string) {
    return this.review.list(organiser.id, id, parseClaimFilter(status));
  }

  @Get('conferences/:id/travel-claims/summary')
  @Requires('figures.read')
  @ApiOkResponse({ description: 'Claims, approved and paid totals, km driven, car-sharing, per organisation' })
  summary(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    return this.review.summary(organiser.id, id);
  }

  @Get('conferences/:id/travel-claims/payment-list')
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'Approved, unpaid claims with the payee and their bank details, amounts in kronor with two decimals' })
  async paymentList(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Lang() lang: Language, @Res() reply: FastifyReply, @Query('format') format?: string) {
    const chosen = parseExportFormat(format);
    return sendPaymentList(reply, chosen, await this.payees.paymentRows(organiser.id, id), lang);
  }

  @Post('conferences/:id/travel-claims/paid')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ items, total }: the claims now marked paid' })
  @ApiConflictResponse({ description: 'A claim is not approved, already paid, or has no payee details; nothing is marked' })
  async markManyPaid(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: BulkPaidDto) {
    const items = await this.review.markManyPaid(organiser.id, id, body.ids, body.paidOn);
    return { items, total: items.length };
  }

  @Get('travel-claims/:claimId')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  @ApiOkResponse({ type: TravelClaimView })
  get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string): Promise<TravelClaimView> {
    return this.review.view(organiser.id, claimId);
  }

  @Patch('travel-claims/:claimId')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  @ApiOkResponse({ type: TravelClaimView })
  @ApiConflictResponse({ description: 'Over the budget (the message names what is left), withdrawn, paid, or a public-transport claim without its receipt' })
  decide(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string, @Body() body: ReviewDecisionDto): Promise<TravelClaimView> {
    return this.review.decide(organiser.id, claimId, body);
  }

  @Post('travel-claims/:claimId/paid')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  @HttpCode(200)
  @ApiOkResponse({ type: TravelClaimView })
  @ApiConflictResponse({ description: 'Not approved, already paid, or no payee details' })
  markPaid(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string, @Body() body: MarkPaidDto): Promise<TravelClaimView> {
    return this.review.markPaid(organiser.id, claimId, body.paidOn);
  }

  @Get('travel-claims/:claimId/receipt')
  @Requires('claims.review', { conference: TRAVEL_CLAIM })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @Header('Cache-Control', 'no-store')
  async receipt(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('claimId') claimId: string, @Res() reply: FastifyReply) {
    const claim = await this.review.get(organiser.id, claimId);
    const receipt = await this.store.receiptContent(claim.id);
    if (!receipt) throw noReceipt();
    return reply
      .header('Content-Type', receipt.contentType)
      .header('Content-Disposition', `attachment; filename="${referenceOf(claim)}.${receiptExtension(receipt.contentType as ReceiptType)}"`)
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .header('Cache-Control', 'no-store')
      .send(receipt.content);
  }
}
