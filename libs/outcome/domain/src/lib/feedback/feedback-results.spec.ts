import { agreedShare, feedbackResults, type AnsweredSurvey } from './feedback-results';

const answer = (answers: Record<string, string>, role = 'harmed'): AnsweredSurvey => ({
  survey: 'first',
  role,
  answers,
});
const many = (n: number, answers: Record<string, string>, role = 'harmed') =>
  Array.from({ length: n }, () => answer(answers, role));

describe('feedback results', () => {
  it('computes the share who agreed among those who rated an item, leaving out "prefer not to say" and skipped items', () => {
    const answers = [
      ...many(6, { safe: '5' }),
      ...many(6, { safe: '2' }),
      ...many(3, { safe: 'prefer_not_to_say' }),
      ...many(2, {}),
    ];
    expect(agreedShare(answers, 'safe', 'internal')).toBe(0.5);
  });

  it('withholds a share whose disagreeing side is small: 9 of 10 felt safe names the one who did not', () => {
    const answers = [...many(9, { safe: '4' }), ...many(1, { safe: '1' })];
    expect(agreedShare(answers, 'safe', 'internal')).toBeNull();
  });

  it('gives released, answered and the response rate by role, suppressed for the audience', () => {
    const released = [
      ...Array.from({ length: 20 }, () => ({ survey: 'first' as const, role: 'harmed' })),
      ...Array.from({ length: 4 }, () => ({ survey: 'first' as const, role: 'responsible' })),
    ];
    const answered = [...many(6, { safe: '5' }), ...many(6, { safe: '2' })];
    const [harmed, responsible] = feedbackResults(released, answered, 'internal');
    expect(harmed).toMatchObject({ survey: 'first', role: 'harmed', released: 20, answered: 12, responseRate: 0.6 });
    expect(harmed.items.find((i) => i.id === 'safe')?.agreed).toBe(0.5);
    expect(harmed.items.map((i) => i.id)).toContain('fair_agreement');
    expect(responsible).toMatchObject({ role: 'responsible', released: null, answered: null, responseRate: null });
    // For the public, 8 who did not answer are under 10: no response rate, though 12 answered (shown as 10).
    expect(feedbackResults(released, answered, 'public')[0]).toMatchObject({
      released: 20,
      answered: 10,
      responseRate: null,
    });
  });
});
