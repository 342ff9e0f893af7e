import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const OFFSET_MAX = 1_000_000_000;

/** `?limit=` of a paged list: a whole number from 1 to `max`, or a 400 naming the field. */
export function PageLimit(max: number, fallback: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: fallback }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'limit must be a whole number' }),
    Min(1, { message: `limit must be between 1 and ${max}` }),
    Max(max, { message: `limit must be between 1 and ${max}` }),
  );
}

/** `?offset=` of a paged list: a whole number from 0, bounded so PostgreSQL is never sent a huge one. */
export function PageOffset(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum: 0, default: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'offset must be a whole number' }),
    Min(0, { message: 'offset must be 0 or more' }),
    Max(OFFSET_MAX, { message: `offset must be at most ${OFFSET_MAX}` }),
  );
}
