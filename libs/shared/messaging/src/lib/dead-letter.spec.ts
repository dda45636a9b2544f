import { withoutPersonalData } from '@rj/shared/service';
import { deadLetterLogFields } from './dead-letter';

describe('the log line of a dead-lettered message', () => {
  it('keeps why after the logs’ redaction of personal data, and cuts the error short', () => {
    const fields = deadLetterLogFields({
      topic: 'rj.matching.v1',
      partition: 2,
      offset: '41',
      reason: 'schema',
      attempts: 1,
      error: 'x'.repeat(2000),
    });
    expect(withoutPersonalData(fields)).toEqual({
      topic: 'rj.matching.v1',
      partition: 2,
      offset: '41',
      reasonCode: 'schema',
      attempts: 1,
      error: 'x'.repeat(500),
    });
  });
});
