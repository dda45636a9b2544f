export * from './practice-vocabulary';
export * from './practice-thresholds';
export * from './local-day';
export * from './practitioner-standing';
export * from './practice-reminders';
export * from './qualifying-practice';
export * from './record-dates';
