import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { toStockholmIso } from '@dialogdag/shared';
import { BookTableDecisionDto, BookTableLimitDto } from './book-tables.dto';
import { BookTableRequest, BookTablesService } from './book-tables.service';

const view = (r: BookTableRequest) => ({ ...r, decidedAt: r.decidedAt ? toStockholmIso(r.decidedAt) : null, createdAt: toStockholmIso(r.createdAt) });

@ApiTags('book tables')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/book-tables')
export class BookTablesController {
  constructor(private readonly bookTables: BookTablesService) {}

  @Get()
  @ApiOkResponse({ description: '{ items: [{ id, registrationId, name, email, organisation, description, status, decidedAt, createdAt }], total, limit, approved }' })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    const overview = await this.bookTables.overview(organiser.id, id);
    return { ...overview, items: overview.items.map(view) };
  }

  @Patch()
  @ApiOkResponse({ description: '{ limit, approved }' })
  @ApiConflictResponse({ description: 'Lower than the book tables already approved' })
  setLimit(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: BookTableLimitDto) {
    return this.bookTables.setLimit(organiser.id, id, body.limit);
  }

  @Patch(':requestId')
  @ApiOkResponse({ description: 'The request with its new status; the organisation is e-mailed the decision' })
  @ApiConflictResponse({ description: 'Approving beyond the limit, or the registration was cancelled (withdrawn)' })
  async decide(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('requestId') requestId: string, @Body() body: BookTableDecisionDto) {
    return view(await this.bookTables.decide(organiser.id, id, requestId, body.decision));
  }
}
