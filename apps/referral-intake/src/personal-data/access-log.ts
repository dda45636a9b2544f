import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { PersonalDataRead } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { requestCause } from '@rj/shared/service';

/**
 * architecture.md: "Every response that returns decrypted personal data emits
 * personal_data.read (who, which referral, which endpoint)" — through the outbox, committed
 * before the response leaves, so no read goes unlogged. Route templates only, never a URL.
 */
@Injectable()
export class AccessLog {
  constructor(private readonly dataSource: DataSource) {}

  async recordRead(
    principal: Principal,
    referralId: string,
    endpoint: string,
    fields: readonly string[],
  ): Promise<void> {
    if (!fields.length) return;
    const reader = actorOf(principal);
    await withTransaction(this.dataSource, (manager) =>
      publishEvent(manager, PersonalDataRead, {
        aggregateId: referralId,
        referralId,
        ...requestCause(reader),
        data: { referralId, reader, endpoint, fields: [...new Set(fields)] },
      }),
    );
  }
}
