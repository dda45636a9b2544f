import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/**
 * One page size for every list of every service. 50 is what referrals, cases and offices gave
 * by default; 200 is the largest maximum any of them accepted (referrals, offices, follow-ups;
 * api-guide.md, Paging), so no request that worked before is refused now.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `?limit=` alone, for a list whose cursor is not an id (an opaque keyset, a mediator's `sub`). */
export class PageLimitQuery {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

/** api.md, Lists: `?limit=&cursor=`, the cursor being the last id (UUIDv7) of the previous page. */
export class PageQuery extends PageLimitQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The last id of the previous page.' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}

/** What every list answers: `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The page size a query asked for, or the default. */
export function pageSizeOf(query: { limit?: number }): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}

/**
 * A page from `limit + 1` rows read: the extra row only says whether another page follows, so
 * the last page never points at an empty one.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  limit: number,
  view: (row: R) => T,
  cursorOf: (row: R) => string = (row) => (row as { id: string }).id,
): Page<T> {
  const shown = rows.slice(0, limit);
  return { items: shown.map(view), nextCursor: rows.length > limit ? cursorOf(shown[shown.length - 1]) : null };
}
