import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const OUTBOX_PAGE_MAX = 500;

/** `?limit=&offset=` of the outbox list: whole numbers in range, or a 400 naming the field. */
export class OutboxPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: OUTBOX_PAGE_MAX, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: `limit must be between 1 and ${OUTBOX_PAGE_MAX}` })
  @Max(OUTBOX_PAGE_MAX, { message: `limit must be between 1 and ${OUTBOX_PAGE_MAX}` })
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be 0 or more' })
  @Max(1_000_000_000, { message: 'offset must be at most 1000000000' })
  offset?: number;
}
