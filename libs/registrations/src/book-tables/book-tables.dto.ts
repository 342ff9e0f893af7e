import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';

export class BookTableLimitDto {
  @ApiProperty({ example: 6, description: 'Book tables there is room for; 0: the conference offers none (the form does not ask)' })
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(0, { message: 'limit must not be negative' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit!: number;
}

export class BookTableDecisionDto {
  @ApiProperty({ enum: ['approved', 'declined'] })
  @IsIn(['approved', 'declined'], { message: 'decision must be approved or declined' })
  decision!: 'approved' | 'declined';
}
