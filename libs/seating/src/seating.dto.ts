import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { REQUEST_KINDS, RequestKind } from './seating.entities';

export const MAX_SEATS = 100;
export const MAX_TABLES = 2000;

export class TableInputDto {
  @ApiProperty({ example: 'Bord 1' })
  @IsString({ message: 'name must be text' })
  @Matches(/\S/, { message: 'name must not be empty' })
  @MaxLength(80, { message: 'name must be at most 80 characters' })
  name!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_SEATS, example: 8 })
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1, { message: 'seats must be at least 1' })
  @Max(MAX_SEATS, { message: `seats must be at most ${MAX_SEATS}` })
  seats!: number;

  @ApiPropertyOptional({ description: 'Left empty by the placement, except for people placed there by hand', default: false })
  @IsOptional()
  @IsBoolean({ message: 'reserved must be true or false' })
  reserved?: boolean;
}

export class ReplaceTablesDto {
  @ApiProperty({ type: [TableInputDto], description: 'The whole set: tables with a name already in use keep their id, people placed by hand and seated people' })
  @IsArray({ message: 'tables must be a list' })
  @ArrayMaxSize(MAX_TABLES, { message: `tables: at most ${MAX_TABLES} tables` })
  @ValidateNested({ each: true })
  @Type(() => TableInputDto)
  tables!: TableInputDto[];
}

/** Rename, resize, reserve: any of the table's fields, with the same rules. */
export class UpdateTableDto extends PartialType(TableInputDto) {}

export class PlaceByHandDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'registrationId must be a registration id' })
  registrationId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'tableId must be a table id' })
  tableId!: string;

  @ApiPropertyOptional({ description: 'Keep the person at this table in later runs (always so at a reserved table)', default: false })
  @IsOptional()
  @IsBoolean({ message: 'fix must be true or false' })
  fix?: boolean;
}

export class SeatingRequestDto {
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS, { message: `kind must be one of ${REQUEST_KINDS.join(', ')}` })
  kind!: RequestKind;

  @ApiProperty({ type: [String], minItems: 2, maxItems: 2, description: 'The two registrations' })
  @IsArray({ message: 'registrationIds must be a list of two registration ids' })
  @ArrayMinSize(2, { message: 'registrationIds must name two people' })
  @ArrayMaxSize(2, { message: 'registrationIds must name two people' })
  @IsUUID('all', { each: true, message: 'registrationIds must be registration ids' })
  registrationIds!: string[];
}

export class TableView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() reserved!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty({ type: [String], description: 'People placed here by hand' }) fixedRegistrationIds!: string[];
}

export class TableProblemView {
  @ApiProperty() tableId!: string;
  @ApiProperty({ enum: ['missing_party', 'same_organisation', 'off_share', 'request', 'over_seats'] }) kind!: string;
  @ApiProperty({ description: 'A sentence naming what is wrong' }) message!: string;
  @ApiProperty({ type: [String] }) registrationIds!: string[];
}

export class PlacedTableView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() seats!: number;
  @ApiProperty() reserved!: boolean;
  @ApiProperty({ type: [String] }) registrationIds!: string[];
  @ApiProperty({ type: [TableProblemView] }) problems!: TableProblemView[];
}

export class SeatingMetricsView {
  @ApiProperty() people!: number;
  @ApiProperty() tablesInUse!: number;
  @ApiProperty() tablesWithAllParties!: number;
  @ApiProperty() maxPossibleTablesWithAllParties!: number;
  @ApiProperty({ description: 'Largest |count − proportional share| over tables and groups, in people' }) maxPartyDeviation!: number;
  @ApiProperty({ description: 'Sum of |count − proportional share| over tables and groups, in people' }) totalPartyDeviation!: number;
  @ApiProperty() sameOrganisationPairs!: number;
  @ApiProperty() requestsBroken!: number;
  @ApiProperty() peopleMoved!: number;
  @ApiProperty({ description: 'Seat holders not at a table (late registrations since the last run)' }) peopleWithoutTable!: number;
  @ApiPropertyOptional({ description: 'Run time of the last placement, in milliseconds' }) runMilliseconds?: number;
}

export class MovedView {
  @ApiProperty() registrationId!: string;
  @ApiProperty() fromTableId!: string;
  @ApiProperty() toTableId!: string;
}

export class PlacementView {
  @ApiProperty({ type: [PlacedTableView] }) tables!: PlacedTableView[];
  @ApiProperty({ type: SeatingMetricsView }) metrics!: SeatingMetricsView;
  @ApiProperty({ type: [MovedView], description: 'People the last run moved from where they sat' }) moved!: MovedView[];
  @ApiProperty({ nullable: true, type: String }) ranAt!: string | null;
  @ApiPropertyOptional({ type: [TableProblemView], description: 'After a move by hand: the problems at the two tables involved' })
  breaches?: TableProblemView[];
}

export class SeatingRequestView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: RequestKind;
  @ApiProperty({ type: [String] }) registrationIds!: string[];
}

/** The page's "N tables of S seats". */
export class BulkTablesDto {
  @Type(() => Number)
  @IsInt({ message: 'count must be a whole number' })
  @Min(1, { message: 'count must be at least 1' })
  @Max(200, { message: 'count must be at most 200' })
  count!: number;

  @Type(() => Number)
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1, { message: 'seats must be at least 1' })
  @Max(MAX_SEATS, { message: `seats must be at most ${MAX_SEATS}` })
  seats!: number;

  @IsString({ message: 'prefix must be text' })
  @Matches(/\S/, { message: 'prefix must not be empty' })
  @MaxLength(60, { message: 'prefix must be at most 60 characters' })
  prefix!: string;
}
