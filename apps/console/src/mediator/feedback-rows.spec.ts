import { renderPage } from '../test/render';
import { feedbackRows } from './feedback-rows';

const HARMED = '0190a0a0-0000-7000-8000-000000000001';
const RESPONSIBLE = '0190a0a0-0000-7000-8000-000000000002';
const participants = [
  { id: HARMED, fullName: 'Anna de Vries', role: 'harmed' },
  { id: RESPONSIBLE, fullName: null, role: 'responsible' },
];
const invitations = {
  items: [
    { participantId: HARMED, role: 'harmed', survey: 'first' as const, releasedAt: null, blocks: [] },
    {
      participantId: HARMED,
      role: 'harmed',
      survey: 'second' as const,
      releasedAt: null,
      blocks: ['too_early', 'asked_not_to_be_surveyed'],
    },
    {
      participantId: RESPONSIBLE,
      role: 'responsible',
      survey: 'first' as const,
      releasedAt: '2026-11-30T10:00:00.000Z',
      blocks: [],
    },
    {
      participantId: RESPONSIBLE,
      role: 'responsible',
      survey: 'second' as const,
      releasedAt: null,
      blocks: ['second_survey_is_for_the_person_harmed'],
    },
  ],
};

describe('the feedback surveys page', () => {
  it('says per participant and survey: sent, ready to send, or what blocks it in words', () => {
    const rows = feedbackRows(participants, invitations);
    expect(rows.map((r) => [r.name, r.survey, r.state])).toEqual([
      ['Anna de Vries (person harmed)', 'first', 'ready'],
      ['Anna de Vries (person harmed)', 'second', 'blocked'],
      ['Person responsible', 'first', 'sent'],
    ]);
    expect(rows[1].reasons).toEqual([
      'It is too early: the survey can be sent from a week after the last dialogue',
      'They asked not to be sent surveys',
    ]);
  });

  it('offers a plain form only where the survey can go', async () => {
    const html = await renderPage('pages/mediator/feedback.njk', {
      title: 'Feedback surveys',
      caseId: 'c1',
      rows: feedbackRows(participants, invitations),
    });
    expect(html.match(/<form method="post" action="\/mediator\/cases\/c1\/feedback"/g)).toHaveLength(1);
    expect(html).toContain(`value="${HARMED}"`);
    expect(html).toContain('They asked not to be sent surveys');
    expect(html).toContain('Sent</strong> on');
  });
});
