import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { looksLikeRound, MAX_ROUND_NUMBER, MAX_ROUNDS_PER_WORKSHOP } from './domain/rounds.rules';

const ROUND_SHAPE = `a round number from 1 to ${MAX_ROUND_NUMBER} or the id of a workshop block in the programme`;
export const roundSchema = { oneOf: [{ type: 'integer', minimum: 1, maximum: MAX_ROUND_NUMBER }, { type: 'string', format: 'uuid' }] };

export function IsRound(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isRound', validator: { validate: (value) => looksLikeRound(value) } }, options);
}

export class GroupSizeDto {
  @ApiProperty({ example: 6, minimum: 2, maximum: 50 })
  @Type(() => Number)
  @IsInt({ message: 'groupSize.min must be a whole number' })
  @Min(2, { message: 'groupSize.min must be at least 2' })
  @Max(50, { message: 'groupSize.min must be at most 50' })
  min!: number;

  @ApiProperty({ example: 10, minimum: 2, maximum: 50 })
  @Type(() => Number)
  @IsInt({ message: 'groupSize.max must be a whole number' })
  @Min(2, { message: 'groupSize.max must be at least 2' })
  @Max(50, { message: 'groupSize.max must be at most 50' })
  max!: number;
}

export class CreateWorkshopDto {
  @ApiProperty({ example: 'Hälsa' })
  @IsString({ message: 'title must be text' })
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiProperty({ example: 'Jämlik hälsa och vård för nyanlända', description: 'The theme in a line; may be empty' })
  @IsString({ message: 'theme must be text' })
  @MaxLength(300, { message: 'theme must be at most 300 characters' })
  theme!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Sal B' })
  @IsOptional()
  @IsString({ message: 'room must be text' })
  @MaxLength(100, { message: 'room must be at most 100 characters' })
  room?: string | null;

  @ApiProperty({ example: 20, minimum: 1, description: 'Places in each round the workshop runs in' })
  @Type(() => Number)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(10000, { message: 'capacity must be at most 10000' })
  capacity!: number;

  @ApiPropertyOptional({ ...roundSchema, description: `The workshop's round: ${ROUND_SHAPE}. Without round or rounds: round 1, the conference's single round.` })
  @IsOptional()
  @IsRound({ message: `round must be ${ROUND_SHAPE}` })
  round?: number | string | null;

  @ApiPropertyOptional({ type: 'array', items: roundSchema, description: 'Several rounds: the workshop repeats in each (nobody attends it twice)' })
  @IsOptional()
  @IsArray({ message: 'rounds must be a list of rounds' })
  @ArrayMinSize(1, { message: 'rounds must name at least one round' })
  @ArrayMaxSize(MAX_ROUNDS_PER_WORKSHOP, { message: `rounds may name at most ${MAX_ROUNDS_PER_WORKSHOP} rounds` })
  @IsRound({ each: true, message: `rounds must each be ${ROUND_SHAPE}` })
  rounds?: Array<number | string> | null;

  @ApiPropertyOptional({ example: 'Hur når vården fram till alla?' })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;

  @ApiPropertyOptional({ type: [String], description: 'Speakers of the conference who open the workshop (inspirers), in order' })
  @IsOptional()
  @IsArray({ message: 'inspirerIds must be a list of speaker ids' })
  @ArrayMaxSize(10, { message: 'inspirerIds may name at most 10 speakers' })
  @ArrayUnique({ message: 'inspirerIds must not name a speaker twice' })
  @IsUUID('all', { each: true, message: 'inspirerIds must be a list of speaker ids' })
  inspirerIds?: string[];

  @ApiPropertyOptional({ type: GroupSizeDto, description: 'Size of the dialogue groups; default 6–10' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupSizeDto)
  groupSize?: GroupSizeDto;
}

export class UpdateWorkshopDto extends PartialType(CreateWorkshopDto) {}

export class InspirerView {
  @ApiProperty() speakerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisation!: string;
}

export class WorkshopView {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() theme!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) room!: string | null;
  @ApiProperty() capacity!: number;
  @ApiProperty({ ...roundSchema, description: 'Its (first) round' }) round!: number | string;
  @ApiProperty({ type: 'array', items: roundSchema }) rounds!: Array<number | string>;
  @ApiProperty({ type: GroupSizeDto }) groupSize!: GroupSizeDto;
  @ApiProperty({ type: [InspirerView] }) inspirers!: InspirerView[];
  @ApiProperty({ description: 'Seat holders who ranked it' }) chosenBy!: number;
  @ApiProperty({ description: 'Seat holders assigned to it, over its rounds' }) assigned!: number;
}

export class RoundView {
  @ApiProperty(roundSchema) round!: number | string;
  @ApiProperty() label!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The workshop block of the programme, if the round is one' }) programmeItemId!: string | null;
  @ApiProperty({ nullable: true, type: String }) startsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endsAt!: string | null;
  @ApiProperty({ type: [String] }) workshopIds!: string[];
}

export class DeleteWorkshopResultView {
  @ApiProperty() deleted!: boolean;
  @ApiProperty({ description: 'Registrations whose ranked choices named the workshop (now removed from them)' }) clearedPreferences!: number;
  @ApiProperty({ description: 'Places in the workshop that were removed' }) removedAssignments!: number;
}
