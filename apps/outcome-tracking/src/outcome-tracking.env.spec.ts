import { validateConfig } from '@rj/shared/service';
import { OutcomeTrackingEnv } from './outcome-tracking.env';

describe('outcome-tracking environment', () => {
  it('schedules follow-ups at 6, 12 and 24 months unless told otherwise', () => {
    const { config } = validateConfig(OutcomeTrackingEnv, { NODE_ENV: 'development' });
    expect(config).toMatchObject({ FOLLOW_UP_MONTHS: ['6', '12', '24'], FOLLOW_UP_DUE_IMMEDIATELY: false });
  });

  it('lets only a test run make follow-ups fall due at once', () => {
    expect(validateConfig(OutcomeTrackingEnv, { NODE_ENV: 'test', FOLLOW_UP_DUE_IMMEDIATELY: 'true' }).config).toMatchObject({ FOLLOW_UP_DUE_IMMEDIATELY: true });
    expect(validateConfig(OutcomeTrackingEnv, { NODE_ENV: 'development', FOLLOW_UP_DUE_IMMEDIATELY: 'true' }).errors).toEqual([
      '[config] FOLLOW_UP_DUE_IMMEDIATELY: may be true only when NODE_ENV=test (got "true")',
    ]);
  });
});
