import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  isUUID,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { Party, PARTIES, Sector, SECTORS } from '@dialogdag/shared';
import { RECIPIENT_GROUPS, RecipientGroup, VOLUNTEER_CHOICES, VolunteerChoice } from './domain/recipient-filter';

/** A workshop round: a round number 1–12, or the id of the workshop block in the programme. */
function IsRoundRef(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isRoundRef', validator: { validate: (v) => (Number.isInteger(v) && v >= 1 && v <= 12) || (typeof v === 'string' && isUUID(v)) } }, options);
}

// Length limits are checked by the content rules, which name the limit; this only stops absurd payloads early.
const HARD_LIMIT = 200_000;

export class LocalisedTextDto {
  @ApiPropertyOptional({ example: 'Ny ingång till Folkets Hus' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(HARD_LIMIT)
  sv?: string;

  @ApiPropertyOptional({ example: 'New entrance to Folkets Hus' })
  @IsOptional()
  @IsString({ message: 'must be text' })
  @MaxLength(HARD_LIMIT)
  en?: string;
}

export class RecipientFilterDto {
  @ApiPropertyOptional({ enum: RECIPIENT_GROUPS, isArray: true, description: 'Participants by registration state, and the speakers; the union is taken' })
  @IsOptional()
  @IsArray({ message: 'filter.groups must be a list' })
  @IsIn(RECIPIENT_GROUPS, { each: true, message: `filter.groups must be a list of: ${RECIPIENT_GROUPS.join(', ')}` })
  groups?: RecipientGroup[];

  @ApiPropertyOptional({ description: 'Only participants who were (true) or were not (false) checked in' })
  @IsOptional()
  @IsBoolean({ message: 'filter.checkedIn must be true or false' })
  checkedIn?: boolean;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true })
  @IsOptional()
  @IsArray({ message: 'filter.sectors must be a list' })
  @IsIn(SECTORS, { each: true, message: `filter.sectors must be a list of: ${SECTORS.join(', ')}` })
  sectors?: Sector[];

  @ApiPropertyOptional({ enum: PARTIES, isArray: true })
  @IsOptional()
  @IsArray({ message: 'filter.parties must be a list' })
  @IsIn(PARTIES, { each: true, message: `filter.parties must be a list of: ${PARTIES.join(', ')}` })
  parties?: Party[];

  @ApiPropertyOptional({ enum: VOLUNTEER_CHOICES, description: 'Only volunteers: all of them, or those with / without a travel claim' })
  @IsOptional()
  @IsIn(VOLUNTEER_CHOICES, { message: `filter.volunteers must be one of: ${VOLUNTEER_CHOICES.join(', ')}` })
  volunteers?: VolunteerChoice;

  @ApiPropertyOptional({ type: [String], description: 'Workshop ids: participants placed in any of them (GET …/workshops lists them)' })
  @IsOptional()
  @IsArray({ message: 'filter.workshops must be a list' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'filter.workshops must be a list of workshop ids' })
  workshops?: string[];

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer', minimum: 1, maximum: 12 }, { type: 'string', format: 'uuid' }],
    description: 'With workshops: only places in this round (a round number, or the id of the workshop block in the programme)',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && /^\d{1,2}$/.test(value.trim()) ? Number(value) : value))
  @IsRoundRef({ message: 'filter.workshopRound must be a round number (1–12) or the id of a workshop block' })
  workshopRound?: number | string;

  @ApiPropertyOptional({ type: [String], description: 'Tables, each by id or by name: participants seated at any of them' })
  @IsOptional()
  @IsArray({ message: 'filter.tables must be a list' })
  @ArrayMaxSize(500)
  @IsString({ each: true, message: 'filter.tables must be a list of table names or ids' })
  @MaxLength(200, { each: true, message: 'filter.tables: a table name has at most 200 characters' })
  tables?: string[];

  @ApiPropertyOptional({ type: [String], description: 'A hand-picked list of registrations (not combined with groups)' })
  @IsOptional()
  @IsArray({ message: 'filter.registrationIds must be a list' })
  @ArrayMaxSize(5000)
  @IsUUID('all', { each: true, message: 'filter.registrationIds must be a list of registration ids' })
  registrationIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Hand-picked speakers' })
  @IsOptional()
  @IsArray({ message: 'filter.speakerIds must be a list' })
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'filter.speakerIds must be a list of speaker ids' })
  speakerIds?: string[];
}

export class RecipientsQueryDto {
  @ApiProperty({ type: RecipientFilterDto })
  @IsObject({ message: 'filter must be an object' })
  @ValidateNested()
  @Type(() => RecipientFilterDto)
  filter!: RecipientFilterDto;
}

export class MessageContentDto {
  @ApiProperty({ type: LocalisedTextDto, description: 'One line per language; placeholders allowed' })
  @IsObject({ message: 'subject must be an object with sv and/or en' })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  subject!: LocalisedTextDto;

  @ApiProperty({ type: LocalisedTextDto, description: 'Plain text with paragraphs, "- " lists, links and placeholders; at most 50,000 characters' })
  @IsObject({ message: 'body must be an object with sv and/or en' })
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  body!: LocalisedTextDto;
}

export class MessageDraftDto extends MessageContentDto {
  @ApiPropertyOptional({ type: RecipientFilterDto, description: 'For a preview or test: the recipient is taken from it' })
  @IsOptional()
  @IsObject({ message: 'filter must be an object' })
  @ValidateNested()
  @Type(() => RecipientFilterDto)
  filter?: RecipientFilterDto;

  @ApiPropertyOptional({ description: 'Preview or test as this registration' })
  @IsOptional()
  @IsUUID('all', { message: 'registrationId must be a registration id' })
  registrationId?: string;

  @ApiPropertyOptional({ description: 'Preview or test as this speaker' })
  @IsOptional()
  @IsUUID('all', { message: 'speakerId must be a speaker id' })
  speakerId?: string;
}

export class SendMessageDto extends MessageContentDto {
  @ApiProperty({ type: RecipientFilterDto })
  @IsObject({ message: 'filter must be an object' })
  @ValidateNested()
  @Type(() => RecipientFilterDto)
  filter!: RecipientFilterDto;

  @ApiProperty({ description: 'The number of recipients you confirm; 409 with the current count when it differs', example: 42 })
  @IsInt({ message: 'confirmRecipientCount must be the number of recipients you confirm' })
  @Min(1, { message: 'confirmRecipientCount must be at least 1' })
  confirmRecipientCount!: number;
}

export class RecipientSampleView {
  @ApiProperty({ enum: ['participant', 'speaker'] }) kind!: 'participant' | 'speaker';
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['sv', 'en'] }) language!: 'sv' | 'en';
}

export class RecipientsView {
  @ApiProperty({ description: 'How many the filter reaches now' }) total!: number;
  @ApiProperty({ type: [RecipientSampleView], description: 'The first ten' }) sample!: RecipientSampleView[];
}

export class RenderedView {
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty() html!: string;
  @ApiProperty({ description: 'The body alone, as HTML, for showing inside a page' }) bodyHtml!: string;
}

export class PreviewView {
  @ApiProperty({ type: RecipientSampleView, nullable: true, description: 'Whose values filled the placeholders; null: an example' })
  recipient!: RecipientSampleView | null;
  @ApiProperty({ type: RenderedView, description: 'By language (sv, en): the languages the message is written in' })
  previews!: Record<string, RenderedView>;
}

export class ProgressView {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Waiting for their turn or for delivery (including retries)' }) queued!: number;
  @ApiProperty() sent!: number;
  @ApiProperty() failed!: number;
}

export class MessageView {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty({ type: Object, example: { id: 'uuid', name: 'Test Organiser' } }) sentBy!: { id: string | null; name: string };
  @ApiProperty() sentAt!: string;
  @ApiProperty({ type: LocalisedTextDto }) subject!: LocalisedTextDto;
  @ApiProperty({ type: LocalisedTextDto }) body!: LocalisedTextDto;
  @ApiProperty({ type: RecipientFilterDto }) filter!: RecipientFilterDto;
  @ApiProperty() recipientCount!: number;
  @ApiProperty({ type: ProgressView }) progress!: ProgressView;
}
