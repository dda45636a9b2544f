import { missingFromEnvExample } from '@rj/shared/testing';
import { PartnerMatchingEnv } from './partner-matching.env';

describe('PartnerMatchingEnv', () => {
  it('is documented variable by variable in .env.example', () => {
    expect(missingFromEnvExample(PartnerMatchingEnv)).toEqual([]);
  });
});
