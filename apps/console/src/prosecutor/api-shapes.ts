/** The parts of the services' responses the prosecutor's pages read (see each service's OpenAPI). */
export interface ReferralSummary {
  id: string;
  officeId: string;
  status: string;
  source: string;
  jurisdiction: string;
  offense: { code: string; category: string; severity: string };
  incidentDate: string;
  stage: string;
  protectiveOrder: boolean;
  reportBackBy: string;
  screeningOutcome: string;
  screeningReasons: { rule: string; detail: string }[];
  requiresSpecialist: boolean;
  partnerId: string | null;
  caseId: string | null;
  submittedAt: string;
  personalDataErasedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReferralDetail extends ReferralSummary {
  caseNumber: string | null;
  offense: ReferralSummary['offense'] & { description: string | null };
  notes: string | null;
  parties: {
    participantId: string;
    role: string;
    fullName: string | null;
    minor: boolean;
    preferredLanguage: string;
    interpreter: boolean;
    contact?: { email?: string | null; phone?: string | null; safeChannels?: string[] } | null;
    guardian?: { fullName: string | null } | null;
  }[];
  screening: {
    outcome: string;
    reasons: { rule: string; detail: string }[];
    policyVersion: number;
    policyJurisdiction: string;
    defaultPolicy: boolean;
  };
  review: { decision: string; reason: string | null; reviewerRole: string | null; reviewedAt: string | null } | null;
  withdrawal: { reasonCode: string; at: string } | null;
  statusHistory: { status: string; at: string; cause: string }[];
}

export interface ReferralCounts {
  officeId: string | null;
  byStatus: Record<string, number>;
  total: number;
  open: number;
  deadlinesAtRisk: { withinDays: number; cutoff: string; count: number };
}

export interface ProsecutorReport {
  referralId: string;
  result: 'completed' | 'returned';
  reasonCode: string | null;
  dates: {
    referredAt: string | null;
    acceptedAt: string | null;
    firstSessionAt: string | null;
    agreementAt: string | null;
    concludedAt: string | null;
  };
  termsShared: boolean;
  terms: { termId: string; kind: string; dueBy: string; status: string }[] | null;
}

export interface FollowUp {
  id: string;
  referralId: string;
  caseId: string;
  monthsAfter: number;
  dueOn: string;
  status: string;
  reoffended: boolean | null;
}

export interface Office {
  id: string;
  name: string;
  jurisdictions: string[];
  contact?: { email?: string };
}
