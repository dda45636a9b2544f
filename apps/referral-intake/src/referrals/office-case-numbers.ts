import type { EntityManager } from 'typeorm';
import { Conflict } from '@rj/shared/contracts';
import { isUniqueViolation } from '@rj/shared/persistence';

/** The unique index (office, case number's blind index) that holds the rule in the database. */
export const OFFICE_CASE_NUMBER_INDEX = 'referral_office_case_number_uq';

/**
 * The advisory lock on an office's submissions: the bulk import takes it alone, single
 * submissions share it, so an import sees every single submission that committed or was in
 * flight before it looked, and none slips between its look and its insert.
 */
export function officeSubmissionsLock(officeId: string): string {
  return `referral_import:${officeId}`;
}

/** An office refers a case number once (matched by its blind index, never the number itself). */
export class CaseNumberAlreadyReferred extends Conflict {
  constructor(referralId: string | null) {
    super('this office has already referred a case with this case number', {
      rule: 'case_number_already_referred',
      // The office's own referral: the submitter may read it already, and it names nobody.
      ...(referralId ? { referralId } : {}),
    });
  }
}

/**
 * The office's referral with this case number, if any: the earliest, as the unique index holds
 * only one. A submission refused by the index asks after it, to name it in the 409.
 */
export async function referralWithCaseNumber(
  manager: EntityManager,
  officeId: string,
  caseNumberIndex: string,
): Promise<string | null> {
  const [row]: { id: string }[] = await manager.query(
    'select id from referral where office_id = $1 and case_number_index = $2 order by created_at limit 1',
    [officeId, caseNumberIndex],
  );
  return row?.id ?? null;
}

export function isCaseNumberTaken(error: unknown): boolean {
  return isUniqueViolation(error, OFFICE_CASE_NUMBER_INDEX);
}
