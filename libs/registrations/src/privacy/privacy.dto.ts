import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

export class EraseDto {
  @ApiPropertyOptional({
    description: 'Öre: what the erasure was shown to cost (an active registration is cancelled first, under the fee rules). When it now costs something else, 409 and nothing happens.',
  })
  @IsOptional()
  @IsInt({ message: 'expectedFee must be a whole number of öre' })
  @Min(0, { message: 'expectedFee must not be negative' })
  expectedFee?: number;
}

export class ErasureView {
  @ApiProperty({ enum: ['erased'] }) status!: 'erased';
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'cancelled', 'transferred'], description: 'The status kept, without the person: cancelled when it was cancelled first' })
  registrationStatus!: string;
  @ApiProperty({ description: 'Whether an active registration was cancelled first' }) cancelled!: boolean;
  @ApiProperty({ description: 'Öre the cancellation cost; 0 when free or nothing was cancelled' }) fee!: number;
}

export class NewLinkView {
  @ApiProperty({ format: 'uuid' }) registrationId!: string;
  @ApiProperty({ description: 'Where the new link was e-mailed; the link itself goes only to the participant' }) sentTo!: string;
}
