import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedOrganiser, CurrentOrganiser, Requires } from '@dialogdag/auth';
import { Language } from '@dialogdag/shared';
import { Lang } from '@dialogdag/web';
import { PlaceByHandDto, PlacementView, ReplaceTablesDto, SeatingRequestDto, SeatingRequestView, TableInputDto, TableView, UpdateTableDto } from './seating.dto';
import { SeatingPdfService } from './seating-pdf.service';
import { SeatingService } from './seating.service';
import { TablesService } from './tables.service';

@ApiTags('seating')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id')
export class SeatingController {
  constructor(
    private readonly tables: TablesService,
    private readonly seating: SeatingService,
    private readonly pdfs: SeatingPdfService,
  ) {}

  @Get('tables')
  @ApiOkResponse({ description: '{ items: TableView[], total }' })
  async listTables(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    const items = await this.tables.list(organiser.id, id);
    return { items, total: items.length };
  }

  @Post('tables')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the set of tables', description: 'Tables whose name is kept keep their id, seated and fixed people; others are removed. 400 on a 0-seat table or a name given twice.' })
  @ApiOkResponse({ description: '{ items: TableView[], total }' })
  async replaceTables(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: ReplaceTablesDto) {
    const items = await this.tables.replace(organiser.id, id, body);
    return { items, total: items.length };
  }

  @Post('tables/add')
  @ApiOperation({ summary: 'Add one table' })
  @ApiCreatedResponse({ type: TableView })
  @ApiConflictResponse({ description: 'A table with that name exists' })
  async addTable(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: TableInputDto): Promise<TableView> {
    return (await this.tables.add(organiser.id, id, [body]))[0];
  }

  @Patch('tables/:tableId')
  @ApiOperation({ summary: 'Rename a table, change its seats, reserve it' })
  @ApiOkResponse({ type: TableView })
  updateTable(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('tableId') tableId: string, @Body() body: UpdateTableDto) {
    return this.tables.update(organiser.id, id, tableId, body);
  }

  @Delete('tables/:tableId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeTable(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('tableId') tableId: string): Promise<void> {
    await this.tables.remove(organiser.id, id, tableId);
  }

  @Post('seating')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the table placement',
    description:
      'Places every seat holder (confirmed, checked in or not) and stores the result. Aims, in order: everyone at one table within its seats, ' +
      'people placed by hand stay; no two people of one organisation at a table where avoidable; as many tables as possible with all three parties; ' +
      'each table within one person of its proportional share of each party; requests (keep apart, keep together, speakers and politicians spread). ' +
      'A re-run keeps people where they sat and lists who moved. 409 when seats are missing (the message says how many).',
  })
  @ApiOkResponse({ type: PlacementView })
  run(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<PlacementView> {
    return this.seating.run(organiser.id, id);
  }

  @Get('seating')
  @ApiOperation({ summary: 'The stored placement, judged against today’s seat holders' })
  @ApiOkResponse({ type: PlacementView })
  async get(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string): Promise<PlacementView> {
    return (await this.seating.get(organiser.id, id)).view;
  }

  @Post('seating/move')
  @HttpCode(200)
  @ApiOperation({ summary: 'Seat someone at a table by hand', description: 'The rules are checked again; `breaches` names what the move breaks at the two tables. `fix` keeps the person there in later runs.' })
  @ApiOkResponse({ type: PlacementView })
  move(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: PlaceByHandDto): Promise<PlacementView> {
    return this.seating.placeByHand(organiser.id, id, body);
  }

  @Delete('seating/fixed/:registrationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Let the placement move someone placed by hand again' })
  async release(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('registrationId') registrationId: string): Promise<void> {
    await this.seating.release(organiser.id, id, registrationId);
  }

  @Get('seating/requests')
  @ApiOkResponse({ description: '{ items: SeatingRequestView[], total }' })
  async requests(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    const items = await this.seating.requests(organiser.id, id);
    return { items, total: items.length };
  }

  @Post('seating/requests')
  @ApiOperation({ summary: 'Ask to keep two people apart or together' })
  @ApiCreatedResponse({ type: SeatingRequestView })
  addRequest(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: SeatingRequestDto): Promise<SeatingRequestView> {
    return this.seating.addRequest(organiser.id, id, body);
  }

  @Delete('seating/requests/:requestId')
  @HttpCode(204)
  async removeRequest(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('requestId') requestId: string): Promise<void> {
    await this.seating.removeRequest(organiser.id, id, requestId);
  }

  @Get('seating/table-cards.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One card per table with the names, A4' })
  async cards(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    return this.sendPdf(reply, 'bordskort.pdf', await this.pdfs.tableCards(organiser.id, id, lang));
  }

  @Get('seating/find-your-table.pdf')
  @ApiProduces('application/pdf')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: '"Find your table": everyone by name with their table, A4' })
  async list(@Lang() lang: Language, @CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Res() reply: FastifyReply) {
    return this.sendPdf(reply, 'hitta-ditt-bord.pdf', await this.pdfs.findYourTable(organiser.id, id, lang));
  }

  private sendPdf(reply: FastifyReply, filename: string, pdf: Buffer) {
    return reply.header('Content-Type', 'application/pdf').header('Content-Disposition', `inline; filename="${filename}"`).send(pdf);
  }
}
