/** Time is injected (architecture.md, Tests): rules receive `now`, never read the wall clock. */
export const CLOCK = Symbol('rj:scheduling-clock');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
