import { renderPage } from '../test/render';
import type { CaseDetail, Gate, GateParticipant } from './api-shapes';
import { itemLink, nextStepOf } from './next-step';
import { readSessionForm, sessionTimes } from './session-form';
import { kindsOffered } from './sessions.controller';
import { daysOf, monthGrid, monthStart, weekStart } from './week';
import { amendmentBody, readAmendment, readTermRows, termsOf } from './agreement-form';

const CASE = '0190a3b4-0000-7000-8000-0000000000c1';
const H = '0190a3b4-0000-7000-8000-00000000000a';
const R = '0190a3b4-0000-7000-8000-00000000000b';
const mediator = { user: { name: 'Mira Mediator', role: 'mediator' } };

function checklist(
  participantId: string,
  role: 'harmed' | 'responsible',
  met: boolean,
  latestRisk: GateParticipant['recorded']['latestRisk'] = met ? 'proceed' : null,
): GateParticipant {
  const items = [
    'information',
    'participation_consent',
    'risk_assessment',
    'preparation',
    ...(role === 'responsible' ? ['acknowledgement'] : []),
  ];
  return {
    participantId,
    role,
    minor: false,
    recorded: {
      information: met ? { version: 'adult-v3', language: 'en' } : null,
      latestRisk,
      consents: met ? { participation: 'given' } : {},
      guardianConsents: null,
      acknowledged: role === 'responsible' ? met : null,
      preparationHeld: met,
    },
    items: items.map((item) => ({ item: item as GateParticipant['items'][number]['item'], met })),
    unmet: { joint_dialogue: [], indirect_dialogue: [] },
    riskReassessment: null,
  };
}

const gate = (met: boolean, allowed = { joint_dialogue: met, indirect_dialogue: met }): Gate => ({
  caseId: CASE,
  status: 'open',
  holdReason: null,
  mediatorIds: ['mediator-mira'],
  caseUnmet: { joint_dialogue: [], indirect_dialogue: [] },
  participants: [checklist(H, 'harmed', met), checklist(R, 'responsible', met)],
  allowed,
});

const detail: CaseDetail = {
  id: CASE,
  referralId: 'r',
  status: 'open',
  holdReason: null,
  openedAt: '2026-12-01T10:00:00Z',
  personalDataErasedAt: null,
  mediators: [{ mediatorId: 'mediator-mira', declared: true }],
  dialogueGate: { joint_dialogue: [], indirect_dialogue: [] },
  participants: [
    {
      id: H,
      role: 'harmed',
      minor: false,
      fullName: 'Robin Example',
      preferredLanguage: 'en',
      interpreter: true,
      hasAccessibilityNeeds: false,
      contact: { email: 'robin@example.org', phone: null, safeChannels: ['email'] },
      guardian: null,
      contactConfirmedAt: null,
    },
    {
      id: R,
      role: 'responsible',
      minor: false,
      fullName: 'Casey Example',
      preferredLanguage: 'en',
      interpreter: false,
      hasAccessibilityNeeds: false,
      contact: { email: null, phone: '+1 555 0100', safeChannels: ['phone'] },
      guardian: null,
      contactConfirmedAt: '2026-12-05T10:00:00Z',
    },
  ],
};

describe('the mediator pages', () => {
  it('show a proposed mediator the parties’ names and roles, and nothing else of them', async () => {
    const proposal = {
      id: CASE,
      referralId: 'r',
      status: 'open',
      holdReason: null,
      openedAt: '2026-12-01T10:00:00Z',
      mediators: [],
      participants: [
        { id: H, role: 'harmed', fullName: 'Robin Example' },
        { id: R, role: 'responsible', fullName: 'Casey Example' },
      ],
    };
    const html = await renderPage('pages/mediator/declaration.njk', { ...mediator, title: 'Declare', proposal });
    expect(html).toContain('Robin Example');
    expect(html).toContain('Person responsible');
    expect(html).not.toMatch(/example\.org|555 0100|Safe to contact/);
  });

  it('show the checklist per participant, each item a link to its form', async () => {
    const participants = detail.participants.map((p) => {
      const entry = gate(false).participants.find((g) => g.participantId === p.id) as GateParticipant;
      return { ...p, checklist: entry, items: entry.items.map((i) => ({ ...i, href: itemLink(CASE, p.id, i.item) })) };
    });
    const html = await renderPage('pages/mediator/case.njk', {
      ...mediator,
      title: 'Case',
      detail,
      gate: gate(false),
      participants,
      offered: [],
    });
    expect(html).toContain(`href="/mediator/cases/${CASE}/participants/${R}/acknowledgement"`);
    expect(html).toContain(`href="/mediator/cases/${CASE}/sessions/new?kind=preparation&amp;participant=${H}"`);
    expect(html).toContain('No dialogue can be scheduled');
    expect(html).not.toContain('Schedule the dialogue');
    expect(html).toContain('robin@example.org');
    expect(html).toContain(`href="/mediator/cases/${CASE}/participants/${H}/contact"`);
    expect(html).toContain('5 Dec 2026');
  });

  it('offer only an indirect dialogue when a risk assessment allows only that', async () => {
    const indirect = gate(true, { joint_dialogue: false, indirect_dialogue: true });
    expect(kindsOffered(indirect)).toEqual(['preparation', 'indirect_dialogue', 'follow_up']);
    const html = await renderPage('pages/mediator/session-form.njk', {
      ...mediator,
      title: 'Schedule',
      detail,
      gate: indirect,
      values: {},
      kinds: kindsOffered(indirect),
      venueTypes: ['home_visit'],
      names: {},
    });
    expect(html).toContain('value="indirect_dialogue"');
    expect(html).not.toContain('value="joint_dialogue"');
    expect(html).toContain('only an indirect dialogue is offered');
  });

  it('name the next step of each participant from the gate, and “stop” as a reassessment', () => {
    expect(nextStepOf(checklist(H, 'harmed', false))).toBe('information');
    expect(nextStepOf(checklist(H, 'harmed', true))).toBeNull();
    expect(nextStepOf(checklist(H, 'harmed', true, 'stop'))).toBe('risk_assessment');
  });

  it('read a session’s date, time and length as UTC, and say what is wrong', () => {
    expect(
      sessionTimes(
        readSessionForm({
          'startsOn-day': '4',
          'startsOn-month': '1',
          'startsOn-year': '2027',
          time: '9:30',
          duration: '90',
        }),
      ),
    ).toEqual({ startsAt: '2027-01-04T09:30:00.000Z', endsAt: '2027-01-04T11:00:00.000Z' });
    const wrong = sessionTimes(
      readSessionForm({
        'startsOn-day': '31',
        'startsOn-month': '2',
        'startsOn-year': '2027',
        time: '25:00',
        duration: '5',
      }),
    );
    expect('summary' in wrong && wrong.summary.map((e) => e.href)).toEqual(['#startsOn-day', '#time', '#duration']);
  });
});

describe('a week of sessions', () => {
  it('starts on the Monday of the week asked for, or of this week', () => {
    expect(weekStart('2026-12-10').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(weekStart('2026-12-07').toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(weekStart('not a date', new Date('2026-12-13T23:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    const days = daysOf(new Date('2026-12-07T00:00:00Z'), [{ startsAt: '2026-12-09T10:00:00.000Z' }]);
    expect(days.map((d) => d.sessions.length)).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });
});

describe('a month of sessions', () => {
  it('reads the month asked for, or this month, and lays it out in whole weeks from Monday', () => {
    expect(monthStart('2027-02').toISOString()).toBe('2027-02-01T00:00:00.000Z');
    expect(monthStart('2027-13', new Date('2026-12-13T23:00:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    const february = monthGrid(monthStart('2027-02'), [
      { startsAt: '2027-02-03T09:00:00.000Z' },
      { startsAt: '2027-03-01T09:00:00.000Z' },
    ]);
    expect(february.map((week) => week[0].date)).toEqual(['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22']);
    expect(
      february
        .flat()
        .filter((day) => day.sessions.length)
        .map((day) => day.date),
    ).toEqual(['2027-02-03']);
    // December 2026 starts on a Tuesday: the Monday before belongs to November, shown empty.
    const december = monthGrid(monthStart('2026-12'), [{ startsAt: '2026-11-30T09:00:00.000Z' }]);
    expect(december).toHaveLength(5);
    expect(december[0][0]).toEqual({ date: '2026-11-30', inMonth: false, sessions: [] });
    expect(december[4][6]).toEqual({ date: '2027-01-03', inMonth: false, sessions: [] });
  });

  it('renders a calendar table with a caption, the weekdays as headers, and each session linked', async () => {
    const weeks = monthGrid(monthStart('2027-02'), [
      {
        startsAt: '2027-02-03T09:00:00.000Z',
        caseId: CASE,
        kind: 'preparation',
        status: 'scheduled',
        caseReference: 'C-1',
      },
    ]);
    const html = await renderPage('pages/mediator/month.njk', {
      ...mediator,
      title: 'My sessions',
      month: '2027-02-01',
      weeks,
      previous: '2027-01',
      next: '2027-03',
      thisWeek: '2027-02-01',
    });
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--m">February 2027</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(7);
    expect(html).toContain(`href="/mediator/cases/${CASE}/sessions"`);
    expect(html).toContain('href="/mediator/sessions/month?month=2027-01"');
  });
});

describe('the agreement form', () => {
  it('turns the filled rows into typed terms and leaves an empty row out', () => {
    const rows = readTermRows({
      'terms-0-kind': 'restitution',
      'terms-0-dueBy-day': '5',
      'terms-0-dueBy-month': '1',
      'terms-0-dueBy-year': '2027',
      'terms-0-amount': '50.00',
      'terms-0-currency': 'eur',
      'terms-0-recipient': 'harmed',
      'terms-1-kind': '',
    });
    expect(termsOf(rows)).toEqual([
      { kind: 'restitution', dueBy: '2027-01-05', amount: { amount: '50.00', currency: 'EUR' }, recipient: 'harmed' },
    ]);
    expect(
      termsOf(
        readTermRows({
          'terms-0-kind': 'community_service',
          'terms-0-dueBy-day': '5',
          'terms-0-dueBy-month': '1',
          'terms-0-dueBy-year': '2027',
          'terms-0-hours': '20',
        }),
      ),
    ).toEqual([{ kind: 'community_service', dueBy: '2027-01-05', hours: 20 }]);
  });

  it('shows each term’s progress and a form for what is still open', async () => {
    const outcome = {
      caseId: CASE,
      status: 'agreement',
      result: null,
      agreement: {
        id: 'a',
        recordedAt: '2026-12-06T10:00:00Z',
        consentedBy: [H, R],
        terms: [
          {
            id: '0190a3b4-0000-7000-8000-0000000000d1',
            kind: 'restitution',
            dueBy: '2027-01-05',
            status: 'open',
            amount: { amount: '50.00', currency: 'EUR' },
            paid: { amount: '20.00', currency: 'EUR' },
          },
        ],
      },
    };
    const html = await renderPage('pages/mediator/agreement.njk', {
      ...mediator,
      title: 'Agreement',
      detail,
      outcome,
      rows: [],
      consentedBy: [],
    });
    expect(html).toContain('20.00 of 50.00 EUR paid');
    expect(html).toContain('Amount paid now (EUR)');
  });

  const running = (terms: Record<string, unknown>[]) => ({
    caseId: CASE,
    status: 'agreement',
    result: null,
    agreement: { id: 'a', recordedAt: '2026-12-06T10:00:00Z', consentedBy: [H, R], terms },
  });
  const TERM = '0190a3b4-0000-7000-8000-0000000000d1';

  it('offers to change each open term and to close the case while the agreement runs, and neither once it is over', async () => {
    const outcome = running([
      {
        id: TERM,
        kind: 'restitution',
        dueBy: '2027-01-05',
        status: 'overdue',
        amount: { amount: '50.00', currency: 'EUR' },
        paid: { amount: '20.00', currency: 'EUR' },
      },
    ]);
    const html = await renderPage('pages/mediator/agreement.njk', {
      ...mediator,
      title: 'Agreement',
      detail,
      outcome,
      rows: [],
      consentedBy: [],
    });
    expect(html).toContain(`href="/mediator/cases/${CASE}/agreement/terms/${TERM}/amend"`);
    expect(html).toContain(`href="/mediator/cases/${CASE}/agreement/close"`);
    const returned = { ...outcome, status: 'returned', result: 'returned' };
    const after = await renderPage('pages/mediator/agreement.njk', {
      ...mediator,
      title: 'Agreement',
      detail,
      outcome: returned,
      rows: [],
      consentedBy: [],
    });
    expect(after).toContain('The case was returned.');
    expect(after).not.toContain('/amend"');
    expect(after).not.toContain('/agreement/close"');
  });

  it('shows the amendment form with the term as it stands and a consent per participant', async () => {
    const term = {
      id: TERM,
      kind: 'restitution',
      dueBy: '2027-01-05',
      status: 'open',
      amount: { amount: '50.00', currency: 'EUR' },
      paid: { amount: '20.00', currency: 'EUR' },
    };
    const html = await renderPage('pages/mediator/amend-term.njk', {
      ...mediator,
      title: 'Change a term',
      detail,
      term,
      values: { day: '5', month: '1', year: '2027', amount: '50.00', hours: '', consentedBy: [] },
    });
    expect(html).toContain('50.00 EUR (20.00 paid)');
    expect(html).toContain('Amount agreed (EUR)');
    expect(html).toContain('Robin Example consents to the change');
    expect(html).toContain('Casey Example consents to the change');
    expect(html).not.toContain('Hours agreed');
  });

  it('sends only what changed with the consents, and says when nothing changed or nobody consented', () => {
    const term = { kind: 'restitution', dueBy: '2027-01-05', amount: { amount: '50.00', currency: 'EUR' } };
    const form = { 'dueBy-day': '5', 'dueBy-month': '3', 'dueBy-year': '2027', amount: '50.00', consentedBy: [H, R] };
    expect(amendmentBody(readAmendment(form), term)).toEqual({ body: { dueBy: '2027-03-05', consentedBy: [H, R] } });
    expect(amendmentBody(readAmendment({ ...form, 'dueBy-month': '1', amount: '40.00' }), term)).toEqual({
      body: { amount: { amount: '40.00', currency: 'EUR' }, consentedBy: [H, R] },
    });
    expect(amendmentBody(readAmendment({ ...form, 'dueBy-month': '1' }), term).error).toBe(
      'Change the due date or the amount agreed, or go back',
    );
    expect(amendmentBody(readAmendment({ ...form, consentedBy: H }), term).body).toEqual({
      dueBy: '2027-03-05',
      consentedBy: [H],
    });
    expect(amendmentBody(readAmendment({ ...form, consentedBy: undefined }), term).error).toBe(
      'Select everyone who consents to the change',
    );
    expect(
      amendmentBody(
        readAmendment({ 'dueBy-day': '5', 'dueBy-month': '1', 'dueBy-year': '2027', hours: '30', consentedBy: [H] }),
        { kind: 'community_service', dueBy: '2027-01-05', hours: 20 },
      ).body,
    ).toEqual({ hours: 30, consentedBy: [H] });
  });

  it('explains what closing a case whose terms were not kept does', async () => {
    const outcome = running([{ id: TERM, kind: 'apology_letter', dueBy: '2027-01-05', status: 'overdue' }]);
    const html = await renderPage('pages/mediator/close-agreement.njk', {
      ...mediator,
      title: 'Close the case',
      detail,
      outcome,
      agreement: outcome.agreement,
    });
    expect(html).toContain('The agreement was not completed');
    expect(html).toContain('Close the case</button>');
  });
});
