import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conference, ConferencesService } from '@dialogdag/conferences';
import { AppConfig } from '@dialogdag/config';
import { Clock, DomainError, hashToken, newSecretToken, toStockholmIso } from '@dialogdag/shared';
import { CreateGroupNoteDto, NoteTextDto, UpdateGroupNoteDto } from './group-note.dto';
import { GroupNote } from './group-note.entity';
import { compileOutcomes, ThemeOutcome } from './notes.rules';

const noteNotFound = () => new DomainError('group_note_not_found', 'not_found', 'No such group note.');
const linkNotFound = () => new DomainError('note_link_not_found', 'not_found', 'This note-taker link does not work (a newer one may have replaced it).');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Note-takers may finish their notes for two weeks after the day. */
export const NOTE_TAKING_DAYS_AFTER = 14;

export function noteTakingOpen(conference: Pick<Conference, 'endsAt'>, now: Date): boolean {
  return now.getTime() <= conference.endsAt.getTime() + NOTE_TAKING_DAYS_AFTER * 86400_000;
}

export interface GroupNoteView {
  id: string;
  conferenceId: string;
  theme: string;
  groupName: string;
  obstacles: string;
  opportunities: string;
  proposals: string;
  updatedAt: string;
  /** Only when a link was just made: the note-taker's address (shown once; the server keeps only its hash). */
  noteTakerUrl?: string;
}

@Injectable()
export class GroupNotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly conferences: ConferencesService,
    private readonly clock: Clock,
    private readonly app: AppConfig,
  ) {}

  async list(organiserId: string, conferenceId: string): Promise<GroupNote[]> {
    await this.conferences.assertManages(organiserId, conferenceId);
    return this.notesOf(conferenceId);
  }

  /** For the report, whose caller has checked who is asking. */
  async outcomes(conferenceId: string, untitledTheme: string): Promise<ThemeOutcome[]> {
    return compileOutcomes(await this.notesOf(conferenceId), untitledTheme);
  }

  /** Creates the group with a note-taker link of its own. */
  async create(organiserId: string, conferenceId: string, dto: CreateGroupNoteDto): Promise<GroupNoteView> {
    await this.conferences.assertManages(organiserId, conferenceId);
    const now = this.clock.now();
    const token = newSecretToken();
    const note = await this.db.getRepository(GroupNote).save({
      conferenceId, theme: dto.theme?.trim() ?? '', groupName: dto.groupName.trim(), obstacles: dto.obstacles ?? '', opportunities: dto.opportunities ?? '',
      proposals: dto.proposals ?? '', noteTakerTokenHash: hashToken(token), createdAt: now, updatedAt: now,
    });
    return { ...toGroupNoteView(note), noteTakerUrl: this.linkFor(token) };
  }

  async get(organiserId: string, conferenceId: string, noteId: string): Promise<GroupNote> {
    await this.conferences.assertManages(organiserId, conferenceId);
    if (!UUID.test(noteId)) throw noteNotFound();
    const note = await this.db.getRepository(GroupNote).findOneBy({ id: noteId, conferenceId });
    if (!note) throw noteNotFound();
    return note;
  }

  async update(organiserId: string, conferenceId: string, noteId: string, dto: UpdateGroupNoteDto): Promise<GroupNote> {
    const note = await this.get(organiserId, conferenceId, noteId);
    if (dto.groupName !== undefined) note.groupName = dto.groupName.trim();
    if (dto.theme !== undefined) note.theme = dto.theme.trim();
    return this.saveText(note, dto);
  }

  async remove(organiserId: string, conferenceId: string, noteId: string): Promise<void> {
    const note = await this.get(organiserId, conferenceId, noteId);
    await this.db.getRepository(GroupNote).delete({ id: note.id });
  }

  /** A new link for the note-taker; the old one stops working. */
  async newLink(organiserId: string, conferenceId: string, noteId: string): Promise<GroupNoteView> {
    const note = await this.get(organiserId, conferenceId, noteId);
    const token = newSecretToken();
    await this.db.getRepository(GroupNote).update({ id: note.id }, { noteTakerTokenHash: hashToken(token) });
    return { ...toGroupNoteView(note), noteTakerUrl: this.linkFor(token) };
  }

  async byToken(token: string): Promise<{ note: GroupNote; conference: Conference; open: boolean }> {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) throw linkNotFound();
    const note = await this.db.getRepository(GroupNote).findOneBy({ noteTakerTokenHash: hashToken(token) });
    if (!note) throw linkNotFound();
    const conference = await this.conferences.findById(note.conferenceId);
    return { note, conference, open: noteTakingOpen(conference, this.clock.now()) };
  }

  /** The note-taker writes the three lists (not the group's name or theme); 409 once note-taking has closed. */
  async updateByToken(token: string, dto: NoteTextDto): Promise<GroupNote> {
    const { note, open } = await this.byToken(token);
    if (!open) throw new DomainError('note_taking_closed', 'conflict', 'The notes can no longer be changed; ask the organisers.');
    return this.saveText(note, dto);
  }

  private async saveText(note: GroupNote, dto: NoteTextDto): Promise<GroupNote> {
    if (dto.obstacles !== undefined) note.obstacles = dto.obstacles;
    if (dto.opportunities !== undefined) note.opportunities = dto.opportunities;
    if (dto.proposals !== undefined) note.proposals = dto.proposals;
    note.updatedAt = this.clock.now();
    await this.db.getRepository(GroupNote).update(
      { id: note.id },
      { groupName: note.groupName, theme: note.theme, obstacles: note.obstacles, opportunities: note.opportunities, proposals: note.proposals, updatedAt: note.updatedAt },
    );
    return note;
  }

  private notesOf(conferenceId: string): Promise<GroupNote[]> {
    return this.db.getRepository(GroupNote).find({ where: { conferenceId }, order: { theme: 'ASC', groupName: 'ASC', createdAt: 'ASC' } });
  }

  private linkFor(token: string): string {
    return `${this.app.publicBaseUrl()}/n/${token}`;
  }
}

export function toGroupNoteView(n: GroupNote): GroupNoteView {
  return {
    id: n.id, conferenceId: n.conferenceId, theme: n.theme, groupName: n.groupName, obstacles: n.obstacles, opportunities: n.opportunities,
    proposals: n.proposals, updatedAt: toStockholmIso(n.updatedAt),
  };
}
