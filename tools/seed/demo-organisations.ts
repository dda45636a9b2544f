/**
 * The demo's organisations as data: two prosecutors' offices in two (fictional) jurisdictions,
 * a community programme serving each, and a specialist programme serving both, with their
 * mediators. Every name is invented; every address is at example.org.
 */
export const NORTH = 'NORTHVALE';
export const SOUTH = 'SOUTHMERE';

export interface OfficePlan {
  key: 'north' | 'south';
  name: string;
  jurisdiction: string;
  email: string;
  prosecutorName: string;
}

export const OFFICE_PLANS: OfficePlan[] = [
  {
    key: 'north',
    name: "Northvale Prosecutor's Office",
    jurisdiction: NORTH,
    email: 'referrals@northvale-prosecutor.example.org',
    prosecutorName: 'Pat Prosecutor',
  },
  {
    key: 'south',
    name: "Southmere Prosecutor's Office",
    jurisdiction: SOUTH,
    email: 'referrals@southmere-prosecutor.example.org',
    prosecutorName: 'Lou Lawful',
  },
];

/** Screening policies as an admin would set them: the defaults, and in Southmere threats go to review. */
export const POLICY_PLANS: Record<
  string,
  {
    excludedOffenseCategories: string[];
    reviewOffenseCategories: string[];
    allowedStages: string[];
    excludedSeverities: string[];
    protectiveOrderNeedsReview: boolean;
  }
> = {
  [NORTH]: {
    excludedOffenseCategories: ['domestic_violence', 'sexual_offense'],
    reviewOffenseCategories: [],
    allowedStages: ['pre_charge', 'pre_trial', 'post_conviction'],
    excludedSeverities: [],
    protectiveOrderNeedsReview: true,
  },
  [SOUTH]: {
    excludedOffenseCategories: ['domestic_violence', 'sexual_offense'],
    reviewOffenseCategories: ['threat'],
    allowedStages: ['pre_charge', 'pre_trial', 'post_conviction'],
    excludedSeverities: [],
    protectiveOrderNeedsReview: true,
  },
};

export interface MediatorPlan {
  slug: string;
  name: string;
  specialties: string[];
}

export interface PartnerPlan {
  key: 'harbour' | 'riverside' | 'safeground';
  profile: {
    name: string;
    jurisdictions: string[];
    offenseCategories: string[];
    languages: string[];
    servesMinors: boolean;
    capacity: number;
    responseHours: number;
    contact: { email: string };
  };
  /** Set by the admin after registration: the specialist status is the admin's decision. */
  specialties: string[];
  adminName: string;
  mediators: MediatorPlan[];
}

export const PARTNER_PLANS: PartnerPlan[] = [
  {
    key: 'harbour',
    profile: {
      name: 'Northvale Restorative Justice Service',
      jurisdictions: [NORTH],
      offenseCategories: ['property_damage', 'theft', 'assault', 'burglary', 'threat'],
      languages: ['en', 'nl', 'pl'],
      servesMinors: true,
      capacity: 20,
      responseHours: 72,
      contact: { email: 'intake@northvale-rj.example.org' },
    },
    specialties: [],
    adminName: 'Hana Harbour',
    mediators: [
      { slug: 'noor-example', name: 'Noor Example', specialties: ['juvenile'] },
      { slug: 'sam-sample', name: 'Sam Sample', specialties: [] },
    ],
  },
  {
    key: 'riverside',
    profile: {
      name: 'Southmere Community Mediation',
      jurisdictions: [SOUTH],
      offenseCategories: ['property_damage', 'theft', 'assault', 'burglary', 'threat'],
      languages: ['en', 'ar', 'tr'],
      servesMinors: true,
      capacity: 20,
      responseHours: 48,
      contact: { email: 'offers@southmere-mediation.example.org' },
    },
    specialties: [],
    adminName: 'Rio Riverside',
    mediators: [
      { slug: 'robin-placeholder', name: 'Robin Placeholder', specialties: ['juvenile'] },
      { slug: 'kim-fictional', name: 'Kim Fictional', specialties: [] },
    ],
  },
  {
    key: 'safeground',
    profile: {
      name: 'Safe Ground Specialist Mediation',
      jurisdictions: [NORTH, SOUTH],
      offenseCategories: ['domestic_violence', 'sexual_offense'],
      languages: ['en', 'nl'],
      servesMinors: false,
      capacity: 6,
      responseHours: 96,
      contact: { email: 'referrals@safeground.example.org' },
    },
    specialties: ['domestic_violence', 'sexual_offense'],
    adminName: 'Sky Safeground',
    mediators: [{ slug: 'avery-specimen', name: 'Avery Specimen', specialties: ['domestic_violence'] }],
  },
];
