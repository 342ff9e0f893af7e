import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { parseConferenceTime } from '@dialogdag/shared';
import { CONFERENCE_ROLES, ConferenceRole } from '@dialogdag/auth';

/** ISO 8601 with offset, or a Stockholm wall-clock time ("2026-10-06T09:00"), or a date. */
export function IsConferenceTime(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isConferenceTime',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a date and time such as 2026-10-06T09:00:00+02:00`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseConferenceTime(value) !== null,
      },
    });
}

export class VenueDto {
  @ApiProperty({ example: 'Folkets Hus' })
  @IsString({ message: 'venue.name must be text' })
  @MinLength(1, { message: 'venue.name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ example: 'Järntorget 3' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: 'Göteborg' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;
}

export class TravelPolicyDto {
  @ApiPropertyOptional({ example: 100, default: 100, description: 'Shortest round trip (km) that qualifies' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'travelPolicy.minRoundTripKm must be a whole number of km' })
  @Min(0)
  @Max(100000)
  minRoundTripKm?: number;

  @ApiProperty({ example: '2026-12-10', description: 'Last day to request reimbursement (may fall after the conference)' })
  @IsConferenceTime({ message: 'travelPolicy.requestDeadline must be a date such as 2026-12-10' })
  requestDeadline!: string;

  @ApiProperty({ example: 250, description: 'Öre per km' })
  @Type(() => Number)
  @IsInt({ message: 'travelPolicy.ratePerKm must be a whole number of öre per km' })
  @Min(0)
  @Max(100000)
  ratePerKm!: number;

  @ApiProperty({ example: 2000000, description: 'Total budget, öre' })
  @Type(() => Number)
  @IsInt({ message: 'travelPolicy.budget must be a whole number of öre' })
  @Min(0)
  @Max(2_000_000_000)
  budget!: number;

  @ApiPropertyOptional({ default: true, description: 'Public transport is paid at the ticket cost' })
  @IsOptional()
  @IsBoolean({ message: 'travelPolicy.publicTransportAtCost must be true or false' })
  publicTransportAtCost?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Lost earnings (förlorad arbetsinkomst) may be compensated' })
  @IsOptional()
  @IsBoolean({ message: 'travelPolicy.lostEarningsAllowed must be true or false' })
  lostEarningsAllowed?: boolean;

  @ApiPropertyOptional({ default: 0, description: 'Cap on lost earnings per person, öre' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'travelPolicy.lostEarningsCap must be a whole number of öre' })
  @Min(0, { message: 'travelPolicy.lostEarningsCap must not be negative' })
  @Max(2_000_000_000)
  lostEarningsCap?: number;

  @ApiPropertyOptional({ default: 0, description: 'Fixed fee (arvode) per eligible person, öre; 0 for none' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'travelPolicy.fixedFee must be a whole number of öre' })
  @Min(0, { message: 'travelPolicy.fixedFee must not be negative' })
  @Max(2_000_000_000)
  fixedFee?: number;
}

export class CreateConferenceDto {
  @ApiProperty({ example: 'Dialogkonferens Västra Götaland' })
  @IsString({ message: 'title must be text' })
  @MinLength(1, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiProperty({ example: 'vastra-gotaland-2026', description: 'Lower-case letters, digits and dashes; the public address' })
  @IsString({ message: 'slug must be text' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters, digits and single dashes, such as goteborg-2026' })
  @MaxLength(80, { message: 'slug must be at most 80 characters' })
  slug!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ example: 'Föreningsaktiva, politiker, tjänstepersoner, praktiker och företagare' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  targetAudience?: string;

  @ApiPropertyOptional({ description: 'Co-arranging organisations' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  arrangers?: string;

  @ApiPropertyOptional({ example: 'Konferensen är kostnadsfri. Lunch och fika ingår.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  costNote?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  contactEmail?: string;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Plain text shown at /c/<slug>/privacy: what is stored about participants, why, for how long, and their rights. Empty or null: the default notice.',
  })
  @IsOptional()
  @IsString({ message: 'privacyNotice must be text' })
  @MaxLength(20000, { message: 'privacyNotice must be at most 20000 characters' })
  privacyNotice?: string | null;

  @ApiProperty({ example: '2026-10-20T09:00:00+02:00' })
  @IsConferenceTime()
  startsAt!: string;

  @ApiProperty({ example: '2026-10-20T16:00:00+02:00' })
  @IsConferenceTime()
  endsAt!: string;

  @ApiProperty({ type: VenueDto })
  @ValidateNested()
  @Type(() => VenueDto)
  venue!: VenueDto;

  @ApiProperty({ example: 120 })
  @Type(() => Number)
  @IsInt({ message: 'capacity must be a whole number' })
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100000, { message: 'capacity must be at most 100000' })
  capacity!: number;

  @ApiPropertyOptional({ example: '2026-08-15T09:00:00+02:00' })
  @IsOptional()
  @IsConferenceTime()
  registrationOpensAt?: string;

  @ApiPropertyOptional({ example: '2026-10-06', description: 'A bare date means the end of that day; default: the start' })
  @IsOptional()
  @IsConferenceTime()
  registrationDeadline?: string;

  @ApiPropertyOptional({ description: 'Self-service changes allowed until; default: the registration deadline' })
  @IsOptional()
  @IsConferenceTime()
  modificationDeadline?: string;

  @ApiPropertyOptional({ example: '2026-10-06', description: 'Free cancellation until then; default: the registration deadline' })
  @IsOptional()
  @IsConferenceTime()
  cancellationDeadline?: string;

  @ApiPropertyOptional({ example: 40000, default: 0, description: 'Öre, charged for cancellations after the deadline and no-shows' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'cancellationFee must be a whole number of öre' })
  @Min(0, { message: 'cancellationFee must not be negative' })
  @Max(100_000_000)
  cancellationFee?: number;

  @ApiPropertyOptional({ type: TravelPolicyDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TravelPolicyDto)
  travelPolicy?: TravelPolicyDto | null;
}

export class UpdateConferenceDto extends PartialType(CreateConferenceDto) {}

export class VenueView {
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty() city!: string;
}

export class TravelPolicyView {
  @ApiProperty() minRoundTripKm!: number;
  @ApiProperty() requestDeadline!: string;
  @ApiProperty({ description: 'Öre per km' }) ratePerKm!: number;
  @ApiProperty({ description: 'Öre' }) budget!: number;
  @ApiProperty() publicTransportAtCost!: boolean;
  @ApiProperty() lostEarningsAllowed!: boolean;
  @ApiProperty({ description: 'Öre per person' }) lostEarningsCap!: number;
  @ApiProperty({ description: 'Öre per eligible person' }) fixedFee!: number;
}

export class ConferenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() slug!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() targetAudience!: string;
  @ApiProperty() arrangers!: string;
  @ApiProperty({ nullable: true, type: String }) costNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'null: the default notice is shown' }) privacyNotice!: string | null;
  @ApiProperty() startsAt!: string;
  @ApiProperty() endsAt!: string;
  @ApiProperty({ type: VenueView }) venue!: VenueView;
  @ApiProperty() capacity!: number;
  @ApiProperty({ description: 'Seats held by confirmed registrations' }) seatsTaken!: number;
  @ApiProperty({ nullable: true, type: String }) registrationOpensAt!: string | null;
  @ApiProperty() registrationDeadline!: string;
  @ApiProperty({ nullable: true, type: String }) modificationDeadline!: string | null;
  @ApiProperty() cancellationDeadline!: string;
  @ApiProperty({ description: 'Öre' }) cancellationFee!: number;
  @ApiProperty({ type: TravelPolicyView, nullable: true }) travelPolicy!: TravelPolicyView | null;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiPropertyOptional({ enum: CONFERENCE_ROLES, description: 'Your role in the conference' }) role?: ConferenceRole;
}
