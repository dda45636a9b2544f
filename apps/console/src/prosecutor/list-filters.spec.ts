import { apiQuery, listUrl, readListFilters } from './list-filters';

describe('the referrals list filters', () => {
  it('keeps known statuses, well-formed dates and the sort', () => {
    const filters = readListFilters({
      status: ['matching', 'offered,bogus'],
      submittedFrom: '2026-01-01',
      submittedTo: 'yesterday',
      sort: 'deadline',
      jurisdiction: 'NL-NH',
    });
    expect(filters).toEqual({
      status: ['matching', 'offered'],
      jurisdiction: 'NL-NH',
      submittedFrom: '2026-01-01',
      submittedTo: undefined,
      sort: 'deadline',
      cursor: undefined,
    });
    expect(apiQuery(filters, 25)).toMatchObject({ status: 'matching,offered', sort: 'deadline', limit: 25 });
  });

  it('builds the next page link with the same filters', () => {
    const filters = readListFilters({ status: 'needs_review', sort: 'deadline' });
    expect(listUrl(filters, 'abc')).toBe('/referrals?status=needs_review&sort=deadline&cursor=abc');
    expect(listUrl(readListFilters({}))).toBe('/referrals');
  });
});
