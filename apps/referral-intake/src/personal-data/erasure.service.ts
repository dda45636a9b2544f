import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  lockReferral,
  partiesOf,
  PartyEntity,
  ReferralEntity,
  ReviewOverrideRequestEntity,
} from '@rj/referral/data-access';
import { actorOf, type Principal } from '@rj/shared/auth';
import { ReferralPersonalDataErased } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { dropWebhookDeliveriesOf } from '@rj/shared/webhooks';
import { Clock, requestCause } from '@rj/shared/service';
import { Idempotency } from '../idempotency/idempotency';
import { KeyStore } from '../key-store/key-store';
import { erasePartyPersonalData, personalDataOf } from '../referrals/personal-fields';
import { assertVisibleTo } from '../referrals/referral-access';

export interface ErasureView {
  referralId: string;
  dataKeyId: string;
  personalDataErasedAt: string;
}

/**
 * `DELETE /api/referrals/{id}/personal-data` (api.md): crypto-shredding. Deleting the data
 * key makes every copy of the referral's personal data unreadable at once — here, in other
 * services' tables, in Kafka and in the audit ledger — while the hash chain stays whole.
 * Intake also clears its own ciphertext columns, so reads show null. The status, history and
 * codes stay: the record of what happened is not personal data.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly idempotency: Idempotency,
    private readonly clock: Clock,
  ) {}

  /** Repeating an erasure changes nothing and answers as the first one did (DELETE is idempotent). */
  erase(principal: Principal, id: string): Promise<ErasureView> {
    return withTransaction(this.dataSource, async (manager) => {
      const referral = await lockReferral(manager, id);
      assertVisibleTo(principal, referral);
      if (referral.personalDataErasedAt) return erasureView(referral, referral.personalDataErasedAt);

      const at = this.clock.now();
      await this.keys.erase(manager, referral.dataKeyId, at);
      // The blind index goes too: once erased, a search by the case number finds nothing.
      await manager.update(
        ReferralEntity,
        { id },
        {
          caseNumber: null,
          caseNumberIndex: null,
          offenseDescription: null,
          notes: null,
          reviewReason: null,
          personalDataErasedAt: at,
          updatedAt: at,
        },
      );
      await manager.update(ReviewOverrideRequestEntity, { referralId: id }, { reason: null });
      for (const party of await partiesOf(manager, id)) {
        await manager.update(
          PartyEntity,
          { participantId: party.participantId },
          erasePartyPersonalData(personalDataOf(party)),
        );
      }
      await this.idempotency.forget(manager, id);
      // What the office's endpoints are still owed about the referral is not sent (issue 21).
      await dropWebhookDeliveriesOf(manager, id);
      await publishEvent(manager, ReferralPersonalDataErased, {
        aggregateId: id,
        referralId: id,
        ...requestCause(actorOf(principal)),
        occurredAt: at,
        data: { dataKeyId: referral.dataKeyId, erasedAt: at.toISOString() },
      });
      return erasureView(referral, at);
    });
  }
}

function erasureView(referral: ReferralEntity, at: Date): ErasureView {
  return { referralId: referral.id, dataKeyId: referral.dataKeyId, personalDataErasedAt: at.toISOString() };
}
