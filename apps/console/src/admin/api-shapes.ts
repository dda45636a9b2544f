/** The parts of the services' responses the administrators' pages read (see each service's OpenAPI). */

export interface OfficeView {
  id: string;
  name: string;
  jurisdictions: string[];
  contact: { email: string };
  createdAt: string;
  updatedAt: string;
}

export type { PartnerView } from '../platform/partner-view';

export interface ScreeningPolicyView {
  jurisdiction: string;
  /** 0 is the built-in default; stored versions start at 1. */
  version: number;
  default: boolean;
  excludedOffenseCategories: string[];
  reviewOffenseCategories: string[];
  allowedStages: string[];
  excludedSeverities: string[];
  protectiveOrderNeedsReview: boolean;
  createdAt?: string;
  /** The administrator who saved the version (an account id); absent for the built-in policy. */
  createdBy?: string;
}

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}
