import { Between, type EntityManager } from 'typeorm';
import { EligibleNotReferredEntity } from '../entities/equity-monitoring.entity';
import { PublicationOptInEntity } from '../entities/publication.entity';

/** One office's counts of eligible cases it did not refer, month by month, for one year. */
export function eligibleNotReferredOfOffice(
  manager: EntityManager,
  officeId: string,
  year: number,
): Promise<EligibleNotReferredEntity[]> {
  return manager.find(EligibleNotReferredEntity, {
    where: { officeId, month: Between(`${year}-01`, `${year}-12`) },
    order: { month: 'ASC' },
  });
}

/** Supplies (or corrects) one month's count; answers the row as stored. */
export async function recordEligibleNotReferred(
  manager: EntityManager,
  row: Pick<EligibleNotReferredEntity, 'officeId' | 'month' | 'count' | 'recordedBy'>,
): Promise<EligibleNotReferredEntity> {
  await manager.upsert(EligibleNotReferredEntity, { ...row, recordedAt: new Date() }, ['officeId', 'month']);
  return manager.findOneByOrFail(EligibleNotReferredEntity, { officeId: row.officeId, month: row.month });
}

/** Publication opt-ins, of one office or (null) of every office, by jurisdiction. */
export function publicationOptIns(manager: EntityManager, officeId: string | null): Promise<PublicationOptInEntity[]> {
  return manager.find(PublicationOptInEntity, {
    where: officeId === null ? {} : { officeId },
    order: { jurisdiction: 'ASC', officeId: 'ASC' },
  });
}

/** Opts an office's jurisdiction in to publication, or out; answers the row as stored. */
export async function setPublicationOptIn(
  manager: EntityManager,
  row: Pick<PublicationOptInEntity, 'officeId' | 'jurisdiction' | 'optedIn' | 'changedBy'>,
): Promise<PublicationOptInEntity> {
  await manager.upsert(PublicationOptInEntity, { ...row, changedAt: new Date() }, ['officeId', 'jurisdiction']);
  return manager.findOneByOrFail(PublicationOptInEntity, { officeId: row.officeId, jurisdiction: row.jurisdiction });
}
