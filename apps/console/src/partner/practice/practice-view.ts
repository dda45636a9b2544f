import { KIND_WORDS } from './practice-form';
import type { PracticeRecordPage } from './practice-shapes';
import { standingSummary } from './practice-standing';

/**
 * What the record page shows of a mediator's practice (issue 22), for the partner's admin who
 * keeps it and for a platform admin who reads it: the records by type and where they stand.
 */
export function practicePageModel(page: PracticeRecordPage) {
  const of = (type: string) => page.records.filter((record) => record.recordType === type);
  return {
    page,
    summary: standingSummary(page.standing),
    credentials: of('credential'),
    checks: of('background_check'),
    languages: of('language'),
    practice: of('practice'),
    // A record awaiting verification does not count yet: said beside the verdict, which it explains.
    awaiting: page.records.filter((record) => record.recordType !== 'practice' && !record.verifiedAt).length,
    kindWords: KIND_WORDS,
  };
}
