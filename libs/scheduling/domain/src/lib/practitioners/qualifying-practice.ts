import type { BackgroundCheckKind, CredentialKind, PracticeKind } from './practice-vocabulary';

/** One record to POST under `/api/mediators/{sub}/…`, and whether an admin must verify it to count. */
export interface PracticeRecordCall {
  readonly path: 'credentials' | 'background-checks' | 'languages' | 'practice';
  readonly body: Readonly<Record<string, unknown>>;
  readonly verify: boolean;
}

const credential = (kind: CredentialKind, hours: number, offenseCategories: string[] = []): PracticeRecordCall => ({
  path: 'credentials',
  body: {
    kind,
    issuer: 'Restorative Practice Institute',
    hours,
    obtainedOn: '2025-09-01',
    certificateReference: `RPI-${kind}`,
    offenseCategories,
  },
  verify: true,
});
const check = (kind: BackgroundCheckKind): PracticeRecordCall => ({
  path: 'background-checks',
  body: { kind, issuer: 'Screening Authority', checkedOn: '2025-09-15', expiresOn: '2099-12-31' },
  verify: true,
});
const practice = (kind: PracticeKind, heldOn: string): PracticeRecordCall => ({
  path: 'practice',
  body: { kind, heldOn, withName: 'Lead Mediator' },
  verify: false,
});

/**
 * The records that make a mediator proposable as a lead for any case under the default
 * thresholds (practice-thresholds.ts): 30 hours of basic mediation, restorative-justice and
 * youth training, a background check and a barred-list check, three co-facilitated cases.
 * The demo seed and the tests record these (and an admin verifies them) for the mediators
 * they propose, so what they assert about cases stays as it was. Supervision falls due 12
 * weeks after the verification.
 */
export function qualifyingPractice(
  options: { specialistCategories?: readonly string[]; languages?: readonly string[] } = {},
): PracticeRecordCall[] {
  return [
    credential('basic_mediation', 30),
    credential('restorative_justice', 16),
    credential('youth', 8),
    ...(options.specialistCategories?.length
      ? [credential('specialist_dv_sv', 24, [...options.specialistCategories])]
      : []),
    check('criminal_record'),
    check('barred_list_children'),
    ...(options.languages ?? []).map((language): PracticeRecordCall => ({
      path: 'languages',
      body: { language, checkedBy: 'Language Assessor', checkedOn: '2025-09-20' },
      verify: true,
    })),
    practice('co_facilitation', '2025-10-06'),
    practice('co_facilitation', '2025-11-03'),
    practice('co_facilitation', '2025-12-01'),
  ];
}
