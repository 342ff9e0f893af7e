import { PageLimit, PageOffset } from '@dialogdag/web';

export const OUTBOX_PAGE_MAX = 500;

/** `?limit=&offset=` of the outbox list: whole numbers in range, or a 400 naming the field. */
export class OutboxPageQuery {
  @PageLimit(OUTBOX_PAGE_MAX, 100)
  limit?: number;

  @PageOffset()
  offset?: number;
}
