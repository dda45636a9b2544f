import type { ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import type { CaseOutcome } from './agreement.controller';
import type { CaseSummary } from './api-shapes';
import { watchAgreements } from './agreements-watch';

const user = { sub: 'mediator-1' } as SessionUser;
const summary = (id: string): CaseSummary => ({
  id,
  referralId: `r-${id}`,
  status: 'concluded',
  holdReason: null,
  openedAt: '2026-10-01T09:00:00Z',
  participants: [],
  mediators: [],
});
const term = (id: string, dueBy: string, status = 'open') => ({ id, kind: 'apology_letter', dueBy, status });

/** outcome-tracking's answers by case id; a case it does not know is a 404 (getOptional's null). */
function apiAnswering(outcomes: Record<string, Partial<CaseOutcome>>): ServiceApi {
  return {
    getOptional: async (_user: SessionUser, service: string, path: string) => {
      expect(service).toBe('outcome-tracking');
      const id = path.split('/')[3];
      return outcomes[id]
        ? { caseId: id, status: 'agreement', result: null, agreement: null, harmedPartyNoticesOwed: 0, ...outcomes[id] }
        : null;
    },
  } as unknown as ServiceApi;
}

describe('watchAgreements', () => {
  it('lists open terms overdue or due within 14 days, soonest first, and people owed the outcome', async () => {
    const api = apiAnswering({
      a: {
        agreement: {
          id: 'ag-a',
          recordedAt: '',
          consentedBy: [],
          terms: [term('t1', '2026-12-20'), term('t2', '2026-12-21'), term('t3', '2026-12-01', 'fulfilled')],
        },
      },
      b: { agreement: { id: 'ag-b', recordedAt: '', consentedBy: [], terms: [term('t4', '2026-12-01', 'overdue')] } },
      c: {
        status: 'returned',
        harmedPartyNoticesOwed: 1,
        agreement: { id: 'ag-c', recordedAt: '', consentedBy: [], terms: [term('t5', '2026-12-07')] },
      },
    });
    const watched = await watchAgreements(
      api,
      user,
      [summary('a'), summary('b'), summary('c'), summary('d')],
      '2026-12-06',
    );
    expect(watched.termsDue.map((t) => [t.caseId, t.dueBy, t.overdue])).toEqual([
      ['b', '2026-12-01', true],
      ['a', '2026-12-20', false],
    ]);
    expect(watched.noticesOwed).toEqual([{ caseId: 'c', openedAt: '2026-10-01T09:00:00Z', count: 1 }]);
  });
});
