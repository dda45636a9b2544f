import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { ContactConfirmed, NotFound, RuleViolation } from '@rj/shared/contracts';
import { encryptField, KeyStoreClient } from '@rj/shared/pii';
import { withTransaction } from '@rj/shared/persistence';
import { Clock, requestCause } from '@rj/shared/service';
import { ContactConfirmationEntity, ReferralSnapshotEntity } from '@rj/scheduling/data-access';
import { assertContactConsistent, findParticipant } from '@rj/scheduling/domain';
import { assertMediatorActs } from '../cases/case-access';
import { assertUuid, lockCase, recordCaseEvent, saveCase } from '../cases/case-store';
import type { ContactDto } from './contact.dto';

@Injectable()
export class ContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyStore: KeyStoreClient,
    private readonly clock: Clock,
  ) {}

  /**
   * A declared mediator replaces a participant's contact and safe channels with what the
   * participant confirmed today. The details are encrypted under the referral's own key, so
   * erasing the referral's personal data still erases them; the event carries the same ciphertext.
   */
  async confirm(principal: Principal, caseId: string, participantId: string, body: ContactDto) {
    assertUuid(participantId, 'participant');
    const now = this.clock.now();
    const contact = {
      email: body.email?.trim() || null,
      phone: body.phone?.trim() || null,
      safeChannels: body.safeChannels,
    };
    return withTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      assertMediatorActs(row, principal);
      if (!findParticipant(row.state, participantId)) throw new NotFound('participant not found');
      assertContactConsistent(contact);
      const snapshot = await manager.findOneBy(ReferralSnapshotEntity, { referralId: row.referralId });
      const key =
        snapshot?.dataKeyId && !snapshot.personalDataErasedAt ? await this.keyStore.getKey(snapshot.dataKeyId) : null;
      if (!snapshot?.participants || !key)
        throw new RuleViolation('personal_data_erased', 'the personal data of this case was erased');
      const encrypted = {
        ...(contact.email ? { email: encryptField(contact.email, key) } : {}),
        ...(contact.phone ? { phone: encryptField(contact.phone, key) } : {}),
        safeChannels: [...contact.safeChannels],
      };
      const participants = snapshot.participants.map((p) =>
        p.participantId !== participantId ? p : { ...p, contact: encrypted },
      );
      await manager.update(ReferralSnapshotEntity, { referralId: row.referralId }, { participants });
      await manager.upsert(
        ContactConfirmationEntity,
        { caseId, participantId, confirmedAt: now, confirmedBy: principal.sub, timeZone: body.timeZone ?? null },
        ['caseId', 'participantId'],
      );
      // The ciphertext travels so outcome-tracking's notices use the channel confirmed last, in their quiet hours.
      await recordCaseEvent(
        manager,
        row,
        ContactConfirmed,
        { caseId, participantId, contact: encrypted, ...(body.timeZone ? { timeZone: body.timeZone } : {}) },
        requestCause(actorOf(principal)),
      );
      await saveCase(manager, row, now);
      return { participantId, contact, timeZone: body.timeZone ?? null, confirmedAt: now.toISOString() };
    });
  }
}
