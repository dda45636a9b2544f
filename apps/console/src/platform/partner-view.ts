/** A partner organisation as partner-matching returns it (`GET /api/partners/{id}`), read by the admin's and the partner's pages. */
export interface PartnerView {
  id: string;
  name: string;
  jurisdictions: string[];
  offenseCategories: string[];
  languages: string[];
  servesMinors: boolean;
  capacity: number;
  openCases: number;
  responseHours: number;
  typicalResponseHours: number | null;
  specialties: string[];
  /** Receives new offers; false when its own administrators paused it or a platform administrator deactivated it. */
  active: boolean;
  /** When a platform administrator deactivated it (only one can activate it again); null otherwise. */
  deactivatedAt: string | null;
  contact: { email: string } | null;
  createdAt: string;
  updatedAt: string;
}
