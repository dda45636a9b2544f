import { InvalidInput } from '@rj/shared/contracts';
import { DEFAULT_SCREENING_POLICY } from './screening-policy';
import { parseScreeningPolicy, validateScreeningPolicy } from './validate-screening-policy';

const valid = {
  jurisdiction: 'NL-NH',
  version: 2,
  excludedOffenseCategories: ['domestic_violence'],
  reviewOffenseCategories: ['assault'],
  allowedStages: ['pre_charge', 'pre_trial'],
  excludedSeverities: ['felony'],
  protectiveOrderNeedsReview: true,
};

describe('validateScreeningPolicy', () => {
  it('accepts a valid policy and the default one', () => {
    expect(validateScreeningPolicy(valid)).toEqual([]);
    expect(validateScreeningPolicy(DEFAULT_SCREENING_POLICY)).toEqual([]);
  });

  it('names unknown stages and severities', () => {
    expect(
      validateScreeningPolicy({
        ...valid,
        allowedStages: ['pre_trial', 'at_sentencing'],
        excludedSeverities: ['capital'],
      }),
    ).toEqual([
      { field: 'allowedStages[1]', message: expect.stringContaining('unknown value "at_sentencing"') },
      { field: 'excludedSeverities[0]', message: expect.stringContaining('unknown value "capital"') },
    ]);
  });

  it('names duplicates', () => {
    expect(
      validateScreeningPolicy({
        ...valid,
        excludedOffenseCategories: ['x', 'x'],
        allowedStages: ['pre_trial', 'pre_trial'],
      }),
    ).toEqual([
      { field: 'excludedOffenseCategories[1]', message: 'duplicate "x"' },
      { field: 'allowedStages[1]', message: 'duplicate "pre_trial"' },
    ]);
  });

  it('refuses a category both excluded and sent to review', () => {
    expect(validateScreeningPolicy({ ...valid, reviewOffenseCategories: ['domestic_violence'] })).toEqual([
      { field: 'reviewOffenseCategories[0]', message: '"domestic_violence" is also excluded' },
    ]);
  });

  it('refuses wrong shapes and free text as categories', () => {
    expect(validateScreeningPolicy(null)).toHaveLength(1);
    const problems = validateScreeningPolicy({
      ...valid,
      version: -1,
      protectiveOrderNeedsReview: 'yes',
      reviewOffenseCategories: ['a category in words'],
      allowedStages: 'pre_trial',
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'version',
      'reviewOffenseCategories[0]',
      'allowedStages',
      'protectiveOrderNeedsReview',
    ]);
  });

  it('parses a valid policy into a frozen copy and throws InvalidInput listing the problems otherwise', () => {
    const parsed = parseScreeningPolicy(valid);
    expect(parsed).toEqual(valid);
    expect(Object.isFrozen(parsed.allowedStages)).toBe(true);
    expect(() => parseScreeningPolicy({ ...valid, allowedStages: ['nope'] })).toThrow(InvalidInput);
  });
});
