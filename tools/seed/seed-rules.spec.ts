import { localServiceUrl } from '@rj/shared/contracts';
/** The seed's own rules: when to seed, where the services are, fictional people, diaries without double booking. */
import { MediatorCalendar } from './calendar';
import { decideSeeding, seedOnStartEnabled } from './guard';
import { fictionalPerson } from './people';
import { DEMO_REFERRALS } from './plan';
import { demoCaseNumber } from './referrals';
import { serviceUrlsFromEnv } from './services';

describe('the demo seed', () => {
  it('seeds an empty platform, refuses a used one unless forced', () => {
    expect(decideSeeding(true, false)).toEqual({ seed: true, platformWasEmpty: true });
    expect(decideSeeding(false, true)).toEqual({ seed: true, platformWasEmpty: false });
    expect(decideSeeding(false, false)).toMatchObject({ seed: false });
  });

  it('is turned off on start only by an explicit SEED_DEMO=false', () => {
    expect(seedOnStartEnabled({})).toBe(true);
    expect(seedOnStartEnabled({ SEED_DEMO: 'true' })).toBe(true);
    for (const off of ['false', 'FALSE', '0', 'no', 'off']) expect(seedOnStartEnabled({ SEED_DEMO: off })).toBe(false);
  });

  it('finds each service on its default port unless its own variable says otherwise', () => {
    const urls = serviceUrlsFromEnv({ RJ_URL_OUTCOME_TRACKING: 'http://outcome.internal:8080/' });
    expect(urls).toEqual({
      'referral-intake': localServiceUrl('referral-intake'),
      'partner-matching': localServiceUrl('partner-matching'),
      'mediation-scheduling': localServiceUrl('mediation-scheduling'),
      'outcome-tracking': 'http://outcome.internal:8080',
      'audit-ledger': localServiceUrl('audit-ledger'),
    });
  });

  it('invents distinct people at example.org with numbers from the fictional range', () => {
    const people = Array.from({ length: 96 }, (_, i) => fictionalPerson(i));
    expect(new Set(people.map((p) => p.fullName)).size).toBe(96);
    for (const person of people) {
      expect(person.email).toMatch(/^[a-z.0-9]+@example\.org$/);
      expect(person.phone).toMatch(/^\+44 7700 900\d{3}$/);
    }
    expect(fictionalPerson(0).fullName).toBe('Alex Example');
  });

  it('numbers the demo cases DEMO-<year>-NNNN, one per planned referral', () => {
    expect(demoCaseNumber(2026, 7, '')).toBe('DEMO-2026-0007');
    expect(demoCaseNumber(2026, 7, 'ab12')).toBe('DEMO-2026-0007-ab12');
    expect(new Set(DEMO_REFERRALS.map((r) => r.number)).size).toBe(DEMO_REFERRALS.length);
    expect(new Set(DEMO_REFERRALS.map((r) => r.journey.state))).toEqual(
      new Set([
        'new',
        'in_review',
        'offered',
        'in_preparation',
        'agreement_running',
        'completed',
        'returned',
        'withdrawn',
        'unmatched',
        'screened_out',
      ]),
    );
  });

  it("gives a mediator's sessions distinct hours, held ones in the recent past and planned ones ahead", () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const calendar = new MediatorCalendar(now);
    const held = Array.from({ length: 10 }, () => calendar.heldSlot('m1'));
    for (const [i, slot] of held.entries()) {
      expect(Date.parse(slot.endsAt)).toBeLessThan(now.getTime());
      expect(now.getTime() - Date.parse(slot.startsAt)).toBeLessThan(72 * 3_600_000);
      if (i > 0) expect(Date.parse(slot.startsAt)).toBeGreaterThanOrEqual(Date.parse(held[i - 1].endsAt));
    }
    expect(calendar.heldSlot('m2').startsAt).toBe(held[0].startsAt);
    const planned = [calendar.plannedSlot('m1'), calendar.plannedSlot('m1'), calendar.plannedSlot('m1')];
    expect(new Set(planned.map((s) => s.startsAt)).size).toBe(3);
    for (const slot of planned) expect(Date.parse(slot.startsAt)).toBeGreaterThan(now.getTime());
  });
});
