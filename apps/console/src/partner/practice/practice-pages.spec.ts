import { renderPage } from '../../test/render';
import type { PracticeRecordPage } from './practice-shapes';
import { practicePageModel } from './practice-view';
import { categoryItems } from '../../admin/forms/category-choices';

const problem = (rule: string, message: string) => ({ rule, message });
const CO_FACILITATION = problem(
  'co_facilitation_required',
  'This mediator has co-facilitated 1 of the 3 cases needed.',
);
const NO_CHECK = problem('background_check', 'This mediator has no verified background check that is still valid.');

const page = (
  unmet: PracticeRecordPage['standing']['unmet'],
  supervision: PracticeRecordPage['standing']['supervision'] = { state: 'not_started', dueOn: null, graceEndsOn: null },
): PracticeRecordPage => ({
  mediator: { sub: 'mediator-1', partnerId: 'p', fullName: 'Mia Mediator' },
  records: [],
  standing: {
    today: '2026-12-06',
    mayLead: !unmet.includes(CO_FACILITATION),
    coFacilitatedCases: 1,
    openCaseload: 0,
    supervision,
    thresholds: {
      coFacilitatedCasesBeforeLead: 3,
      caseloadCap: 12,
      supervisionGraceDays: 14,
      supervisionIntervalDays: 84,
    },
    unmet,
    unmetWithMinor: [],
  },
});

const render = (record: PracticeRecordPage, readOnly = false) =>
  renderPage('pages/partner/practice/record.njk', { ...practicePageModel(record), readOnly });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the practice record page (issue 22)', () => {
  it('says a mediator who misses a rule cannot be proposed for any new case, and lists every rule', async () => {
    const html = text(await render(page([NO_CHECK, CO_FACILITATION])));
    expect(html).toContain(
      'Cannot be proposed yet Mia Mediator cannot be proposed for any new case until this is put right',
    );
    expect(html).toContain(NO_CHECK.message);
    expect(html).toContain(CO_FACILITATION.message);
  });

  it('says a mediator short only of co-facilitated cases can co-facilitate beside an experienced mediator', async () => {
    const html = text(await render(page([CO_FACILITATION])));
    expect(html).toContain('Can co-facilitate');
    expect(html).toContain('once an experienced mediator is already proposed on it');
    expect(html).not.toContain('Cannot be proposed');
  });

  it('says when supervision falls due and until when a late one still allows proposals', async () => {
    expect(text(await render(page([])))).toContain(
      'Not started: the first session is due 12 weeks after an administrator verifies the first credential',
    );
    const late = page([], { state: 'in_grace', dueOn: '2026-12-01', graceEndsOn: '2026-12-15' });
    expect(text(await render(late))).toContain('1 December 2026 (late: can still be proposed until 15 December 2026)');
  });

  it('offers the offence categories as checkboxes on the credential form, keeping those ticked', async () => {
    const html = await renderPage('pages/partner/practice/record-form.njk', {
      mediator: { sub: 'mediator-1', fullName: 'Mia Mediator' },
      type: 'credential',
      kinds: [],
      form: {},
      categoryItems: categoryItems(['domestic_violence']),
    });
    expect(html).toMatch(/<input[^>]*name="offenseCategories"[^>]*value="domestic_violence"[^>]*checked/);
    expect(html).toContain('Sexual offence');
  });

  it('lets the partner’s admin record, and shows a platform admin the same record read-only', async () => {
    const partner = text(await render(page([NO_CHECK])));
    expect(partner).toContain('Record a credential');
    expect(partner).toContain('Back to mediators');
    const admin = text(await render(page([NO_CHECK]), true));
    expect(admin).not.toContain('Record a credential');
    expect(admin).not.toContain('Record supervision or practice');
    expect(admin).toContain('Back to credentials to verify');
    expect(admin).toContain(NO_CHECK.message);
  });

  it('says how many records still await verification, which explains a shortfall the page also lists', async () => {
    const awaiting = page([NO_CHECK]);
    const credential = { id: 'c', mediatorId: 'mediator-1', partnerId: 'p', recordedAt: '2026-12-01T10:00:00Z' };
    awaiting.records = [
      { ...credential, recordType: 'background_check', kind: 'criminal_record', verifiedAt: null },
      { ...credential, id: 'd', recordType: 'practice', kind: 'supervision', verifiedAt: null },
      { ...credential, id: 'e', recordType: 'credential', kind: 'youth', verifiedAt: '2026-12-02T10:00:00Z' },
    ];
    expect(text(await render(awaiting))).toContain(
      '1 record awaits an administrator’s verification and does not count until then.',
    );
    expect(text(await render(page([NO_CHECK])))).not.toContain('awaits');
  });
});
