import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class CreateSeriesDto {
  @ApiProperty({ example: 'Regionala konferenser om överenskommelsen 2011–2013' })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;
}

export class UpdateSeriesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(5000, { message: 'description must be at most 5000 characters' })
  description?: string;
}

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
