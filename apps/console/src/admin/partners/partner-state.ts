import type { PartnerView } from '../api-shapes';

/**
 * Whether a partner takes new cases, and who decided if not: its own administrators may pause
 * and resume it; a platform administrator's deactivation holds until one activates it again.
 */
export type PartnerState = 'active' | 'paused' | 'deactivated';

export function partnerState(partner: Pick<PartnerView, 'active' | 'deactivatedAt'>): PartnerState {
  if (partner.active) return 'active';
  return partner.deactivatedAt ? 'deactivated' : 'paused';
}
