import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A short text field with its rules and messages, named in each message. */
const Text = (field: string, max: number, required: boolean) =>
  applyDecorators(
    IsString({ message: `${field} must be text` }),
    ...(required ? [IsNotEmpty({ message: `${field} must not be empty` })] : []),
    MaxLength(max, { message: `${field} must be at most ${max} characters` }),
  );

export class CreateSeriesDto {
  @ApiProperty({ example: 'Regionala konferenser om överenskommelsen 2011–2013' })
  @Text('title', 200, true)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Text('description', 5000, false)
  description?: string;
}

/** Only what is given changes. */
export class UpdateSeriesDto extends PartialType(CreateSeriesDto) {}

export class AddConferenceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'conferenceId must be a conference id' })
  conferenceId!: string;
}

export class SeriesView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], description: 'Conference ids, in date order' }) conferenceIds!: string[];
  @ApiProperty() createdAt!: string;
}
