// The referral status progression is defined once, in the contracts, for every service that
// keeps a copy of a referral's status; intake's rules use it from there.
export {
  OPEN_STATUSES,
  REPORTABLE_STATUSES,
  TERMINAL_STATUSES,
  isOpen,
  isTerminal,
  rankOf,
} from '@rj/shared/contracts';
