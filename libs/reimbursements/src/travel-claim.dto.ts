import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DECISIONS } from './rules/claim-state.rules';
import { MAX_PASSENGERS, TRAVEL_MODES } from './rules/travel-policy';

export class PayeeDto {
  @ApiPropertyOptional({ description: 'Who is paid; default: the claimant' })
  @IsOptional()
  @IsString({ message: 'payee.name must be text' })
  @MaxLength(200, { message: 'payee.name must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional({ example: '8327-9', description: 'With accountNumber; or give bankgiro instead' })
  @IsOptional()
  @IsString({ message: 'payee.clearingNumber must be text' })
  @MaxLength(20, { message: 'payee.clearingNumber must be at most 20 characters' })
  clearingNumber?: string;

  @ApiPropertyOptional({ example: '123 456 789-0' })
  @IsOptional()
  @IsString({ message: 'payee.accountNumber must be text' })
  @MaxLength(40, { message: 'payee.accountNumber must be at most 40 characters' })
  accountNumber?: string;

  @ApiPropertyOptional({ example: '5050-1055' })
  @IsOptional()
  @IsString({ message: 'payee.bankgiro must be text' })
  @MaxLength(20, { message: 'payee.bankgiro must be at most 20 characters' })
  bankgiro?: string;
}

export class TravelClaimDto {
  @ApiProperty({ example: 'Kalmar' })
  @IsString({ message: 'fromPlace must be text' })
  @MaxLength(200, { message: 'fromPlace must be at most 200 characters' })
  fromPlace!: string;

  @ApiProperty({ example: 240, description: 'Km there and back, at most one decimal' })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false }, { message: 'roundTripKm must be a number of km with at most one decimal' })
  @Min(0.1, { message: 'roundTripKm must be more than 0' })
  @Max(20000, { message: 'roundTripKm must be at most 20000' })
  roundTripKm!: number;

  @ApiProperty({ enum: TRAVEL_MODES })
  @IsIn(TRAVEL_MODES, { message: `mode must be one of ${TRAVEL_MODES.join(', ')}` })
  mode!: (typeof TRAVEL_MODES)[number];

  @ApiPropertyOptional({ type: [String], description: 'Registration ids of the passengers in the car (car only)' })
  @IsOptional()
  @IsArray({ message: 'passengers must be a list of registration ids' })
  @ArrayMaxSize(MAX_PASSENGERS, { message: `passengers must list at most ${MAX_PASSENGERS} people` })
  @IsUUID('all', { each: true, message: 'passengers must be registration ids' })
  passengers?: string[];

  @ApiPropertyOptional({ example: 45900, description: 'Öre; public transport only' })
  @IsOptional()
  @IsInt({ message: 'ticketCost must be a whole number of öre' })
  @Min(0, { message: 'ticketCost must not be negative' })
  @Max(10_000_000, { message: 'ticketCost must be at most 10000000 öre' })
  ticketCost?: number;

  @ApiPropertyOptional({ example: 120000, description: 'Öre claimed for lost earnings; paid up to the policy cap' })
  @IsOptional()
  @IsInt({ message: 'lostEarnings must be a whole number of öre' })
  @Min(0, { message: 'lostEarnings must not be negative' })
  @Max(100_000_000, { message: 'lostEarnings must be at most 100000000 öre' })
  lostEarnings?: number;

  @ApiPropertyOptional({ example: 'Unpaid leave, half a day' })
  @IsOptional()
  @IsString({ message: 'lostEarningsDescription must be text' })
  @MaxLength(500, { message: 'lostEarningsDescription must be at most 500 characters' })
  lostEarningsDescription?: string;

  @ApiPropertyOptional({ type: PayeeDto, description: 'May also be given later; needed before payment' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PayeeDto)
  payee?: PayeeDto;

  @ApiPropertyOptional({ description: 'The amount (öre) the claimant was shown; 409 if it is now different' })
  @IsOptional()
  @IsInt({ message: 'expectedAmount must be a whole number of öre' })
  @Min(0, { message: 'expectedAmount must not be negative' })
  expectedAmount?: number;
}

export class ReviewDecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision!: (typeof DECISIONS)[number];

  @ApiPropertyOptional({ description: 'Öre; required to adjust' })
  @IsOptional()
  @IsInt({ message: 'approvedAmount must be a whole number of öre' })
  @Min(0, { message: 'approvedAmount must not be negative' })
  @Max(2_000_000_000, { message: 'approvedAmount must be at most 2000000000 öre' })
  approvedAmount?: number;

  @ApiPropertyOptional({ description: 'Required to adjust or reject; sent to the claimant' })
  @IsOptional()
  @IsString({ message: 'reason must be text' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;
}

export class MarkPaidDto {
  @ApiPropertyOptional({ example: '2030-12-20', description: 'Stockholm date; default today' })
  @IsOptional()
  @IsString({ message: 'paidOn must be a date such as 2030-12-20' })
  paidOn?: string;
}

export class BulkPaidDto extends MarkPaidDto {
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'ids must be a list of claim ids' })
  @ArrayMinSize(1, { message: 'ids must name at least one claim' })
  @ArrayMaxSize(1000, { message: 'ids must name at most 1000 claims' })
  @IsUUID('all', { each: true, message: 'ids must be claim ids' })
  ids!: string[];
}

