import { surveyLinkState, isWellFormedSurveyToken } from './survey-link';
import { surveyItems, validSurveyAnswers } from './survey-items';

describe('survey links', () => {
  const issuedAt = '2026-06-01T10:00:00Z';
  it('works once, within 30 days', () => {
    expect(surveyLinkState({ issuedAt, usedAt: null }, new Date('2026-07-01T09:00:00Z'))).toBe('open');
    expect(surveyLinkState({ issuedAt, usedAt: '2026-06-02T10:00:00Z' }, new Date('2026-06-03T10:00:00Z'))).toBe(
      'used',
    );
    expect(surveyLinkState({ issuedAt, usedAt: null }, new Date('2026-07-01T10:00:01Z'))).toBe('expired');
    expect(surveyLinkState(null, new Date())).toBe('unknown');
  });

  it('looks a token over before any look-up', () => {
    expect(isWellFormedSurveyToken('a'.repeat(43))).toBe(true);
    expect(isWellFormedSurveyToken('a'.repeat(42))).toBe(false);
    expect(isWellFormedSurveyToken(`${'a'.repeat(42)}/`)).toBe(false);
  });
});

describe('survey items', () => {
  it('asks the person harmed ten items after an agreement, with the item on dealing with what happened', () => {
    const ids = surveyItems({ survey: 'first', role: 'harmed', agreementReached: true }).map((item) => item.id);
    expect(ids).toEqual([
      'prepared',
      'free_to_choose',
      'safe',
      'respected',
      'fair_facilitator',
      'voice',
      'fair_agreement',
      'helped_harmed',
      'satisfied',
      'recommend',
    ]);
  });

  it('leaves out the agreement item without an agreement, and asks the person responsible their own item 8', () => {
    const ids = surveyItems({ survey: 'first', role: 'responsible', agreementReached: false }).map((item) => item.id);
    expect(ids).not.toContain('fair_agreement');
    expect(ids).toContain('helped_responsible');
    expect(ids).not.toContain('helped_harmed');
  });

  it('asks three items in the second survey', () => {
    expect(surveyItems({ survey: 'second', role: 'harmed', agreementReached: true }).map((item) => item.id)).toEqual([
      'agreement_done',
      'less_worried',
      'recommend_later',
    ]);
  });

  it('has every item in Spanish, and in simpler words for a minor', () => {
    for (const item of surveyItems({ survey: 'first', role: 'harmed', agreementReached: true })) {
      expect(item.text.es.adult).not.toBe(item.text.en.adult);
      expect(item.text.en.minor).toBeTruthy();
      expect(item.text.es.minor).toBeTruthy();
    }
  });

  it('takes skipped items and "prefer not to say", refuses values off the scale and questions of another survey', () => {
    const shape = { survey: 'first' as const, role: 'harmed' as const, agreementReached: false };
    expect(validSurveyAnswers(shape, { safe: '5', voice: 'prefer_not_to_say', respected: '' })).toEqual({
      ok: true,
      answers: { safe: '5', voice: 'prefer_not_to_say' },
    });
    expect(validSurveyAnswers(shape, { safe: '6' }).ok).toBe(false);
    expect(validSurveyAnswers(shape, { fair_agreement: '4' }).ok).toBe(false);
    expect(validSurveyAnswers(shape, { comment: 'free text' }).ok).toBe(false);
  });
});
