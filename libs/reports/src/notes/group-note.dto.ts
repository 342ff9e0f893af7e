import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_NOTE_FIELD } from './notes.rules';

/** What a note-taker may write: the three lists. */
export class NoteTextDto {
  @ApiPropertyOptional({ description: 'Obstacles (hinder), one per line' })
  @IsOptional()
  @IsString({ message: 'obstacles must be text' })
  @MaxLength(MAX_NOTE_FIELD, { message: `obstacles must be at most ${MAX_NOTE_FIELD} characters` })
  obstacles?: string;

  @ApiPropertyOptional({ description: 'Opportunities (möjligheter), one per line' })
  @IsOptional()
  @IsString({ message: 'opportunities must be text' })
  @MaxLength(MAX_NOTE_FIELD, { message: `opportunities must be at most ${MAX_NOTE_FIELD} characters` })
  opportunities?: string;

  @ApiPropertyOptional({ description: 'Proposals (förslag), one per line' })
  @IsOptional()
  @IsString({ message: 'proposals must be text' })
  @MaxLength(MAX_NOTE_FIELD, { message: `proposals must be at most ${MAX_NOTE_FIELD} characters` })
  proposals?: string;
}

export class CreateGroupNoteDto extends NoteTextDto {
  @ApiProperty({ example: 'Bord 4' })
  @IsString({ message: 'groupName must be text' })
  @IsNotEmpty({ message: 'groupName must not be empty' })
  @MaxLength(200, { message: 'groupName must be at most 200 characters' })
  groupName!: string;

  @ApiPropertyOptional({ example: 'Bostad', description: 'Workshop theme or discussion question' })
  @IsOptional()
  @IsString({ message: 'theme must be text' })
  @MaxLength(500, { message: 'theme must be at most 500 characters' })
  theme?: string;
}

/** Only what is given changes. */
export class UpdateGroupNoteDto extends PartialType(CreateGroupNoteDto) {}
