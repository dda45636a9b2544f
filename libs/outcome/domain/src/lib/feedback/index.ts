export * from './feedback-release';
export * from './survey-link';
export * from './survey-items';
export * from './feedback-results';
export * from './survey-reminder';
