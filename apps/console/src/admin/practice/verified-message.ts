import { languageName } from '../forms/category-choices';
import { formatDate } from '../../platform/formatting';
import { KIND_WORDS } from '../../partner/practice/practice-form';
import type { PracticeRecordView } from '../../partner/practice/practice-shapes';

/**
 * What the administrator is told once a record is verified (issue 22): which record, whose, and
 * until when it counts — a language or a credential without an expiry date counts for good.
 */
export function verifiedMessage(record: PracticeRecordView): string {
  const what =
    record.recordType === 'language'
      ? `Working in ${languageName(record.language ?? record.kind)}`
      : (KIND_WORDS[record.kind] ?? record.kind);
  const whose = record.mediatorName ? ` of ${record.mediatorName}` : '';
  const until = record.expiresOn ? `until the end of ${formatDate(record.expiresOn)}` : 'with no expiry date';
  return `${what}${whose} now counts when the mediator is proposed, ${until}.`;
}
