import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class WaiveFeeDto {
  @ApiProperty({ example: 'Sjukdom, intyg inlämnat', description: 'Why the fee is waived; kept with the registration' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @MinLength(1, { message: 'reason must say why the fee is waived' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason!: string;
}
