import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuery, pageOf, pageSizeOf } from './page-query';

const problems = (query: Record<string, unknown>) =>
  validateSync(plainToInstance(PageQuery, query)).map((error) => error.property);

describe('PageQuery: one limit and cursor for every list', () => {
  it.each([
    [{}, []],
    [{ limit: '1' }, []],
    [{ limit: String(MAX_PAGE_SIZE) }, []],
    [{ limit: String(MAX_PAGE_SIZE + 1) }, ['limit']],
    [{ limit: '0' }, ['limit']],
    [{ limit: '2.5' }, ['limit']],
    [{ cursor: '0193f0c4-5d2a-7b6e-9c1d-2f3a4b5c6d7e' }, []],
    [{ cursor: 'not-an-id' }, ['cursor']],
  ])('%j is refused on %j', (query, refused) => {
    expect(problems(query)).toEqual(refused);
  });

  it('defaults to 50 of at most 200', () => {
    expect([DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE]).toEqual([50, 200]);
    expect(pageSizeOf({})).toBe(50);
    expect(pageSizeOf({ limit: 7 })).toBe(7);
  });
});

describe('pageOf', () => {
  const rows = ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase() }));

  it('points at the last item shown when a further row was read', () => {
    expect(pageOf(rows, 2, (row) => row.name)).toEqual({ items: ['A', 'B'], nextCursor: 'b' });
  });

  it('says there is no next page when no further row was read', () => {
    expect(pageOf(rows, 3, (row) => row.name)).toEqual({ items: ['A', 'B', 'C'], nextCursor: null });
  });

  it('takes the cursor from another column when asked', () => {
    expect(
      pageOf(
        rows,
        1,
        (row) => row.id,
        (row) => row.name,
      ),
    ).toEqual({ items: ['a'], nextCursor: 'A' });
  });
});
