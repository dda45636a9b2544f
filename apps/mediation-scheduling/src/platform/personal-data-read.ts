import type { EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { PersonalDataRead } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { requestCause } from '@rj/shared/service';

/**
 * architecture.md, Personal data: every response with decrypted personal data emits
 * personal_data.read (who, which referral, which route, which fields), through the outbox.
 */
export async function recordPersonalDataRead(
  manager: EntityManager,
  principal: Principal,
  referralId: string,
  endpoint: string,
  fields: string[],
): Promise<void> {
  const cause = requestCause(actorOf(principal));
  await publishEvent(manager, PersonalDataRead, {
    aggregateId: referralId,
    referralId,
    actor: cause.actor,
    causedBy: cause.causedBy,
    data: { referralId, reader: { sub: principal.sub, role: principal.role, org: principal.org }, endpoint, fields },
  });
}
