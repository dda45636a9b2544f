import type { MediatorEntity, PartnerEntity, PracticeRecordEntity } from '@rj/scheduling/data-access';
import { hoursOf } from './practitioner-facts';

/** One record as the partner's admin and platform admins read it (nobody else does). */
export function practiceRecordView(row: PracticeRecordEntity) {
  const base = {
    id: row.id,
    mediatorId: row.mediatorSub,
    partnerId: row.partnerId,
    recordType: row.recordType,
    kind: row.kind,
    recordedAt: row.recordedAt.toISOString(),
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verifiedBy: row.verifiedBy,
  };
  switch (row.recordType) {
    case 'credential':
      return {
        ...base,
        issuer: row.issuer,
        hours: hoursOf(row),
        obtainedOn: row.obtainedOn,
        expiresOn: row.expiresOn,
        certificateReference: row.reference,
        offenseCategories: row.categories,
      };
    case 'background_check':
      return {
        ...base,
        issuer: row.issuer,
        checkedOn: row.obtainedOn,
        expiresOn: row.expiresOn,
        reference: row.reference,
      };
    case 'language':
      return { ...base, language: row.kind, checkedBy: row.withName, checkedOn: row.obtainedOn };
    default:
      return { ...base, heldOn: row.obtainedOn, withName: row.withName };
  }
}

/** A record waiting for an admin's verification, with whose it is and which programme vouches for it. */
export function pendingRecordView(
  row: PracticeRecordEntity,
  mediator: Pick<MediatorEntity, 'fullName'> | undefined,
  partner: Pick<PartnerEntity, 'name'> | undefined,
) {
  return { ...practiceRecordView(row), mediatorName: mediator?.fullName ?? null, partnerName: partner?.name ?? null };
}
