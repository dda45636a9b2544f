// Defined once, in the contracts, for every service that keeps a copy of a referral's status.
export { nextReferralStatus, type StatusEventData } from '@rj/shared/contracts';
