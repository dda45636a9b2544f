export * from './thresholds';
export * from './cell-rules';
export * from './money-rules';
export * from './linked-cells';
export * from './calendar-periods';
