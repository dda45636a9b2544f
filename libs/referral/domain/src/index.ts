// The vocabularies (statuses, stages, rules) come from @rj/shared/contracts; import them there.
export * from './lib/dates';
export * from './lib/screening/screening-policy';
export * from './lib/screening/validate-screening-policy';
export * from './lib/screening/screening-decision';
export * from './lib/screening/screening-rules';
export * from './lib/screening/screen-referral';
export * from './lib/review/decide-review';
export * from './lib/status/referral-status';
export * from './lib/status/next-referral-status';
export * from './lib/status/referral-guards';
export * from './lib/reducer/referral-view';
export * from './lib/reducer/referral.reducer';
export * from './lib/reducer/fold-referral-events';
export * from './lib/report/sharing-consent';
export * from './lib/report/prosecutor-report';
export * from './lib/intake/referral-rules';
export * from './lib/deadline/deadline-risk';
