import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, Language, Sector, SECTORS } from '@dialogdag/shared';
import { SPEAKER_STATUSES, SpeakerStatus } from './speaker.entity';

export class CreateSpeakerDto {
  @ApiProperty({ example: 'Amina Hassan' })
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ example: 'Integrationsstrateg' })
  @IsString({ message: 'title must be text' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiProperty({ example: 'Malmö stad' })
  @IsString({ message: 'organisation must be text' })
  @MaxLength(200, { message: 'organisation must be at most 200 characters' })
  organisation!: string;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS, { message: `sector must be one of: ${SECTORS.join(', ')}` })
  sector!: Sector;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Speakers with an e-mail address are told their slots' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'bio must be text' })
  @MaxLength(5000, { message: 'bio must be at most 5000 characters' })
  bio?: string;

  @ApiPropertyOptional({ enum: SPEAKER_STATUSES, default: 'invited' })
  @IsOptional()
  @IsIn(SPEAKER_STATUSES, { message: `status must be one of: ${SPEAKER_STATUSES.join(', ')}` })
  status?: SpeakerStatus;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'sv', description: 'Language of e-mails to the speaker' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'language must be sv or en' })
  language?: Language;
}

/** `email: null` removes the address. */
export class UpdateSpeakerDto extends PartialType(CreateSpeakerDto) {}

export class SpeakerView {
  @ApiProperty() id!: string;
  @ApiProperty() conferenceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty({ enum: SECTORS }) sector!: Sector;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() bio!: string;
  @ApiProperty({ enum: SPEAKER_STATUSES }) status!: SpeakerStatus;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
}
