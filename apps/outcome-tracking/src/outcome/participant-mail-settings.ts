import type { EntityManager } from 'typeorm';
import { JurisdictionSettingEntity, PartnerEntity, type ParticipantEntity } from '@rj/outcome/data-access';
import { quietHoursZone } from '@rj/shared/notifications';

/**
 * Where and from whom a participant's mail goes besides its words (issue 21): the time zone whose
 * quiet hours it waits out (their own, else their jurisdiction's; none known: sent as due) and
 * the partner's name, which the notification library uses only when it reveals nothing.
 */
export async function participantMailSettings(
  manager: EntityManager,
  participant: Pick<ParticipantEntity, 'timeZone'>,
  facts: { jurisdiction: string; partnerId: string | null },
): Promise<{ timeZone: string | undefined; senderName: string | null }> {
  const jurisdiction = await manager.findOneBy(JurisdictionSettingEntity, { jurisdiction: facts.jurisdiction });
  const partner = facts.partnerId ? await manager.findOneBy(PartnerEntity, { id: facts.partnerId }) : null;
  return {
    timeZone: quietHoursZone(participant.timeZone, jurisdiction?.timeZone),
    senderName: partner?.name ?? null,
  };
}
