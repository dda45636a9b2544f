import type { EntityManager } from 'typeorm';
import type { Principal } from '@rj/shared/auth';
import { PersonalDataRead } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { originOf } from './request-origin';

/**
 * architecture.md, Personal data: every response with decrypted personal data emits
 * personal_data.read (who, which referral, which route, which fields), through the outbox.
 */
export async function recordPersonalDataRead(manager: EntityManager, principal: Principal, referralId: string, endpoint: string, fields: string[]): Promise<void> {
  const origin = originOf(principal);
  await publishEvent(manager, PersonalDataRead, {
    aggregateId: referralId,
    referralId,
    actor: origin.actor,
    causedBy: origin.causedBy,
    data: { referralId, reader: { sub: principal.sub, role: principal.role, org: principal.org }, endpoint, fields },
  });
}
