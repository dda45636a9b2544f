/**
 * When a delivery may first be sent. Outcome changes (a referral ended: withdrawn, returned,
 * unmatched, ineligible, completed, and the report that follows) wait for the next daily batch,
 * so an office's system cannot tell from the minute a message arrived who withdrew or declined
 * (issue 21). Progress along the way goes at once.
 */
export function releaseTimeOf(batched: boolean, now: Date, batchHourUtc: number): Date {
  if (!batched) return now;
  const release = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), batchHourUtc));
  if (release.getTime() <= now.getTime()) release.setUTCDate(release.getUTCDate() + 1);
  return release;
}

/**
 * How many attempts an exponential back-off starting at `firstDelayMs` makes within `spanMs`
 * (BullMQ waits firstDelay·2^(n-1) before the n-th retry): with one minute over three days,
 * 13 attempts, the last about 2.8 days after the first.
 */
export function attemptsWithin(spanMs: number, firstDelayMs: number): number {
  if (!(firstDelayMs > 0) || !(spanMs >= firstDelayMs)) return 1;
  return 1 + Math.floor(Math.log2(spanMs / firstDelayMs + 1));
}

/**
 * Persistent failure (issue 21): the delivery used up its attempts and the endpoint has not
 * answered anything with success since that delivery's first try, so it failed throughout
 * the back-off's span, not just for one message it refuses.
 */
export function isPersistentFailure(lastSuccessAt: Date | null, firstAttemptAt: Date | null): boolean {
  if (!lastSuccessAt) return true;
  return firstAttemptAt !== null && lastSuccessAt.getTime() < firstAttemptAt.getTime();
}
