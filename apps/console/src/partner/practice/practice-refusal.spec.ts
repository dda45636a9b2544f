import { ApiRefused } from '../../platform/api-client';
import { refusedForPractice } from './practice-refusal';

const refused = (problem: Record<string, unknown>) =>
  new ApiRefused({ status: 409, ...problem } as ConstructorParameters<typeof ApiRefused>[0], 'corr-1');

describe('a proposal refused for the mediator’s practice (issue 22)', () => {
  it('is the practice rule’s 409, and no other refusal', () => {
    expect(refusedForPractice(refused({ rule: 'practitioner_requirements_unmet', unmet: ['background_check'] }))).toBe(
      true,
    );
    expect(refusedForPractice(refused({ rule: 'mediator_already_on_case' }))).toBe(false);
    expect(refusedForPractice(new ApiRefused({ status: 400, errors: [] }, 'corr-2'))).toBe(false);
    expect(refusedForPractice(new Error('network'))).toBe(false);
  });
});
