import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { parseConferenceTime } from '@dialogdag/shared';
import { PROGRAMME_KINDS, ProgrammeKind, SPEAKER_ROLES, SpeakerRole } from './programme.rules';

const CLOCK_TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

/** A full time (ISO 8601 with offset, or Stockholm wall-clock) or a clock time "13:15" on the conference day. */
export function isProgrammeTime(value: unknown): value is string {
  return typeof value === 'string' && (CLOCK_TIME.test(value.trim()) || parseConferenceTime(value) !== null);
}

export function IsProgrammeTime(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isProgrammeTime',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a time such as 2026-10-06T13:15:00+02:00 or 13:15`, ...options },
      validator: { validate: isProgrammeTime },
    });
}

export class ItemSpeakerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'speakerId must be the id of a speaker of this conference' })
  speakerId!: string;

  @ApiPropertyOptional({ enum: SPEAKER_ROLES, default: 'speaker', description: 'moderator: the chair (samtalsledare) of a panel' })
  @IsOptional()
  @IsIn(SPEAKER_ROLES, { message: `role must be one of: ${SPEAKER_ROLES.join(', ')}` })
  role?: SpeakerRole;
}

export class CreateProgrammeItemDto {
  @ApiProperty({ example: '2026-10-20T13:00:00+02:00', description: 'ISO 8601, or "13:00" on the conference day' })
  @IsProgrammeTime()
  startsAt!: string;

  @ApiProperty({ example: '2026-10-20T14:30:00+02:00' })
  @IsProgrammeTime()
  endsAt!: string;

  @ApiProperty({ enum: PROGRAMME_KINDS })
  @IsIn(PROGRAMME_KINDS, { message: `kind must be one of: ${PROGRAMME_KINDS.join(', ')}` })
  kind!: ProgrammeKind;

  @ApiProperty({ example: 'Workshop: Bostad' })
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(300, { message: 'title must be at most 300 characters' })
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Sal B', description: 'None: a plenary item for everyone' })
  @IsOptional()
  @IsString({ message: 'room must be text' })
  @MaxLength(100, { message: 'room must be at most 100 characters' })
  room?: string | null;

  @ApiPropertyOptional({ type: [ItemSpeakerDto] })
  @IsOptional()
  @IsArray({ message: 'speakers must be a list of { speakerId, role }' })
  @ArrayMaxSize(30, { message: 'speakers must list at most 30 speakers' })
  @ValidateNested({ each: true })
  @Type(() => ItemSpeakerDto)
  speakers?: ItemSpeakerDto[];
}

export class UpdateProgrammeItemDto extends PartialType(CreateProgrammeItemDto) {}

export class ShiftProgrammeDto {
  @ApiProperty({ example: '13:00', description: 'Items starting at or after this time move; ISO 8601 or a clock time on the conference day' })
  @IsProgrammeTime()
  after!: string;

  @ApiProperty({ example: 15, description: 'Minutes; negative moves earlier' })
  @Type(() => Number)
  @IsInt({ message: 'minutes must be a whole number of minutes' })
  @Min(-720, { message: 'minutes must be at least -720' })
  @Max(720, { message: 'minutes must be at most 720' })
  minutes!: number;
}

export class SetModeratorDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'A speaker of this conference, or null for none' })
  @ValidateIf((o: SetModeratorDto) => o.speakerId !== null)
  @IsUUID('all', { message: 'speakerId must be the id of a speaker of this conference, or null' })
  speakerId!: string | null;
}

export class ProgrammeSpeakerView {
  @ApiProperty() speakerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty({ enum: SPEAKER_ROLES }) role!: SpeakerRole;
}

export class ProgrammeItemView {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ enum: PROGRAMME_KINDS }) kind!: ProgrammeKind;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) room!: string | null;
  @ApiProperty({ type: [ProgrammeSpeakerView] }) speakers!: ProgrammeSpeakerView[];
}

export class ProgrammeSlotView {
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ type: [ProgrammeItemView] }) items!: ProgrammeItemView[];
}

export class ModeratorView {
  @ApiProperty() speakerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisation!: string;
}

export class ProgrammeView {
  @ApiProperty() conferenceId!: string;
  @ApiProperty({ type: [ProgrammeItemView], description: 'All items in time order' })
  items!: ProgrammeItemView[];
  @ApiProperty() total!: number;
  @ApiProperty({ type: [ProgrammeSlotView], description: 'Items grouped so that items running in parallel share a slot' })
  slots!: ProgrammeSlotView[];
  @ApiProperty({ type: ModeratorView, nullable: true, description: 'The moderator of the day' })
  moderator!: ModeratorView | null;
}
