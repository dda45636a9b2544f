/** What mediation-scheduling answers about a mediator's practice (issue 22), as the pages read it. */
export interface PracticeRecordView {
  id: string;
  mediatorId: string;
  partnerId: string;
  recordType: 'credential' | 'background_check' | 'language' | 'practice';
  kind: string;
  recordedAt: string;
  verifiedAt: string | null;
  issuer?: string | null;
  hours?: number | null;
  obtainedOn?: string | null;
  checkedOn?: string | null;
  heldOn?: string | null;
  expiresOn?: string | null;
  certificateReference?: string | null;
  reference?: string | null;
  offenseCategories?: string[];
  language?: string;
  checkedBy?: string | null;
  withName?: string | null;
  mediatorName?: string | null;
  partnerName?: string | null;
}

export interface PracticeProblem {
  rule: string;
  message: string;
}

export interface PracticeRecordPage {
  mediator: { sub: string; partnerId: string; fullName: string };
  records: PracticeRecordView[];
  standing: {
    today: string;
    mayLead: boolean;
    coFacilitatedCases: number;
    openCaseload: number;
    supervision: {
      state: 'not_started' | 'current' | 'in_grace' | 'overdue';
      dueOn: string | null;
      graceEndsOn: string | null;
    };
    thresholds: {
      coFacilitatedCasesBeforeLead: number;
      caseloadCap: number;
      supervisionGraceDays: number;
      supervisionIntervalDays: number;
    };
    unmet: PracticeProblem[];
    unmetWithMinor: PracticeProblem[];
  };
}
