import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedOrganiser, CurrentOrganiser, PublicRoute, Requires } from '@dialogdag/auth';
import { CreateGroupNoteDto, NoteTextDto, UpdateGroupNoteDto } from './group-note.dto';
import { GroupNotesService, toGroupNoteView } from './group-notes.service';

@ApiTags('reports')
@ApiCookieAuth()
@ApiBearerAuth()
@Requires('conference.edit')
@Controller('api/conferences/:id/group-notes')
export class GroupNotesController {
  constructor(private readonly notes: GroupNotesService) {}

  @Get()
  @ApiOperation({ summary: 'Notes per workshop group, table or question: obstacles, opportunities and proposals (one per line)' })
  async list(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string) {
    const items = (await this.notes.list(organiser.id, id)).map(toGroupNoteView);
    return { items, total: items.length };
  }

  @Post()
  @ApiCreatedResponse({ description: 'The note, with `noteTakerUrl`: a link for the group’s note-taker, shown only now' })
  create(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Body() body: CreateGroupNoteDto) {
    return this.notes.create(organiser.id, id, body);
  }

  @Patch(':noteId')
  async update(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string, @Body() body: UpdateGroupNoteDto) {
    return toGroupNoteView(await this.notes.update(organiser.id, id, noteId, body));
  }

  @Delete(':noteId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string) {
    await this.notes.remove(organiser.id, id, noteId);
  }

  @Post(':noteId/note-taker-link')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new note-taker link (the old one stops working)' })
  newLink(@CurrentOrganiser() organiser: AuthenticatedOrganiser, @Param('id') id: string, @Param('noteId') noteId: string) {
    return this.notes.newLink(organiser.id, id, noteId);
  }
}

/** The note-taker's side: a secret link, no account. */
@ApiTags('public')
@PublicRoute()
@Controller('api/public/group-notes/:token')
export class PublicGroupNotesController {
  constructor(private readonly notes: GroupNotesService) {}

  @Get()
  async get(@Param('token') token: string) {
    const { note, conference, open } = await this.notes.byToken(token);
    return { ...toGroupNoteView(note), conferenceTitle: conference.title, open };
  }

  @Put()
  @ApiOkResponse({ description: 'The saved notes' })
  @ApiConflictResponse({ description: 'Note-taking has closed (two weeks after the conference)' })
  async put(@Param('token') token: string, @Body() body: NoteTextDto) {
    return toGroupNoteView(await this.notes.updateByToken(token, body));
  }
}
