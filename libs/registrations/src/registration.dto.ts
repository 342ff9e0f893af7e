import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { dietConsentMissing } from './registration.rules';
import { LANGUAGES, Language, Sector, SECTORS } from '@dialogdag/shared';

/** Accepts JSON booleans and the values HTML checkboxes send. */
export const toBoolean = ({ value }: { value: unknown }) =>
  value === true || value === 'true' || value === 'on' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value;
const toList = ({ value }: { value: unknown }) =>
  value === undefined || value === null ? value : Array.isArray(value) ? value.filter((v) => v !== '') : typeof value === 'string' ? (value === '' ? [] : [value]) : value;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const ONE_LINE = /^[^\r\n]*$/;

/**
 * `dietConsent`, checked whenever a diet is given (not skipped as optional then): the rule is `dietConsentMissing`.
 * One decorator, so registering and changing details ask the same.
 */
function DietConsentField() {
  return applyDecorators(
    ApiPropertyOptional({ description: 'Explicit consent to store the special diet: required, true, whenever a diet is given' }),
    ValidateIf((o: { diet?: unknown; dietConsent?: unknown }) => o.dietConsent !== undefined || dietConsentMissing(o.diet, o.dietConsent)),
    Transform(toBoolean),
    IsBoolean({ message: 'dietConsent must be true or false' }),
    ((object: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'consentGivenForDiet',
        target: object.constructor,
        propertyName: String(propertyName),
        options: { message: 'dietConsent must be true to store a special diet (explicit consent: a diet can reveal health or religion)' },
        validator: { validate: (value: unknown, args: ValidationArguments) => !dietConsentMissing((args.object as { diet?: unknown }).diet, value) },
      })) as PropertyDecorator,
  );
}

export class RegisterDto {
  @ApiProperty({ example: 'Amina Hassan' })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @Matches(ONE_LINE, { message: 'name must be one line' })
  name!: string;

  @ApiProperty({ example: 'amina@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254, { message: 'email must be at most 254 characters' })
  email!: string;

  @ApiPropertyOptional({ example: '070-123 45 67' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'phone must be text' })
  @Matches(/^[+0-9 ()-]{5,30}$/, { message: 'phone must be a phone number (digits, spaces, +, - and brackets)' })
  phone?: string;

  @ApiProperty({ example: 'Studieförbundet Vuxenskolan' })
  @Transform(trim)
  @IsString({ message: 'organisation must be text' })
  @MinLength(1, { message: 'organisation must not be empty' })
  @MaxLength(200, { message: 'organisation must be at most 200 characters' })
  @Matches(ONE_LINE, { message: 'organisation must be one line' })
  organisation!: string;

  @ApiProperty({ enum: SECTORS })
  @IsIn(SECTORS as unknown as string[], { message: `sector must be one of ${SECTORS.join(', ')}` })
  sector!: Sector;

  @ApiPropertyOptional({ default: false, description: 'Elected politician' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'isPolitician must be true or false' })
  isPolitician?: boolean;

  @ApiPropertyOptional({ description: 'Political party, for elected politicians' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  politicalParty?: string;

  @ApiPropertyOptional({ default: false, description: 'Volunteer in a civil-society organisation' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'isVolunteer must be true or false' })
  isVolunteer?: boolean;

  @ApiPropertyOptional({ example: 'vegetarian' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'diet must be text' })
  @MaxLength(500, { message: 'diet must be at most 500 characters' })
  diet?: string;

  @DietConsentField()
  dietConsent?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Up to three workshop ids, first choice first' })
  @IsOptional()
  @Transform(toList)
  @IsArray({ message: 'workshopPreferences must be a list of workshop ids' })
  // At most three per workshop round; the workshops lib checks that per round, this only bounds the list.
  @ArrayMaxSize(30, { message: 'workshopPreferences may name at most 30 workshops' })
  @ArrayUnique({ message: 'workshopPreferences must not name a workshop twice' })
  @IsUUID('all', { each: true, message: 'workshopPreferences must contain workshop ids' })
  workshopPreferences?: string[];

  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Language of e-mails; default: the request language' })
  @IsOptional()
  @IsIn(LANGUAGES as unknown as string[], { message: 'language must be sv or en' })
  language?: Language;

  @ApiPropertyOptional({ default: false, description: 'The organisation asks for a book table (bokbord), where the conference offers them' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'bookTable must be true or false' })
  bookTable?: boolean;

  @ApiPropertyOptional({ example: 'Böcker och material om språkcaféer', description: 'What the organisation would show; required with bookTable' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'bookTableDescription must be text' })
  @MaxLength(300, { message: 'bookTableDescription must be at most 300 characters' })
  @Matches(ONE_LINE, { message: 'bookTableDescription must be one line' })
  bookTableDescription?: string;
}

export class RegistrationCreatedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) status!: string;
  @ApiProperty({ description: 'Secret for the personal link; shown only now' }) manageToken!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) waitlistPosition!: number | null;
}

const toNullableText = ({ value }: { value: unknown }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value);

/** Self-service changes through the personal link; name and e-mail change by transfer. */
export class UpdateRegistrationDto extends PartialType(
  PickType(RegisterDto, ['organisation', 'sector', 'isPolitician', 'isVolunteer', 'workshopPreferences'] as const),
) {
  @IsOptional()
  @IsEmpty({ message: 'name cannot be changed here: transfer the registration to the right person instead' })
  name?: never;

  @IsOptional()
  @IsEmpty({ message: 'email cannot be changed here: transfer the registration to the right person instead' })
  email?: never;

  @ApiPropertyOptional({ nullable: true, example: '070-123 45 67', description: 'null or "" removes it' })
  @IsOptional()
  @Transform(toNullableText)
  @IsString({ message: 'phone must be text' })
  @Matches(/^[+0-9 ()-]{5,30}$/, { message: 'phone must be a phone number (digits, spaces, +, - and brackets)' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null or "" removes it' })
  @IsOptional()
  @Transform(toNullableText)
  @IsString({ message: 'diet must be text' })
  @MaxLength(500, { message: 'diet must be at most 500 characters' })
  diet?: string | null;

  @DietConsentField()
  dietConsent?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(toNullableText)
  @IsString({ message: 'politicalParty must be text' })
  @MaxLength(100, { message: 'politicalParty must be at most 100 characters' })
  politicalParty?: string | null;
}

/** The colleague who takes over a registration: organisation and sector default to the original's. */
export class TransferDto extends IntersectionType(
  PickType(RegisterDto, ['name', 'email', 'phone', 'language'] as const),
  PartialType(PickType(RegisterDto, ['organisation', 'sector'] as const)),
) {}

export class CancelDto {
  @ApiPropertyOptional({ description: 'Öre: the fee the person was shown. When cancelling now costs something else, 409 and nothing happens.' })
  @IsOptional()
  @IsInt({ message: 'expectedFee must be a whole number of öre' })
  @Min(0, { message: 'expectedFee must not be negative' })
  expectedFee?: number;
}

export class CheckInCodeDto {
  @ApiProperty({ example: 'K7QM-3XPD-9RTA', description: 'As printed or scanned; case, spaces and dashes do not matter' })
  @IsString({ message: 'code must be text' })
  @MaxLength(64, { message: 'code must be at most 64 characters' })
  code!: string;
}

export class CancellationView {
  @ApiProperty({ enum: ['cancelled'] }) status!: 'cancelled';
  @ApiProperty({ description: 'Öre owed for the cancellation; 0 when free' }) fee!: number;
}

export class TransferView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) status!: string;
  @ApiProperty({ description: 'The colleague’s personal-link secret' }) manageToken!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) waitlistPosition!: number | null;
}
