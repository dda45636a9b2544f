/** Time is injectable (architecture.md, Tests): rules and scans take the clock, never `new Date()` inline. */
export const CLOCK = Symbol('rj:clock');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
