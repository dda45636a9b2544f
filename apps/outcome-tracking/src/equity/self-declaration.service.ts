import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ParticipantEntity, ReferralEntity, SelfDeclarationEntity } from '@rj/outcome/data-access';
import { normaliseSelfDeclaration, type SelfDeclaration } from '@rj/outcome/domain';
import type { Principal } from '@rj/shared/auth';
import { Gone, NotFound } from '@rj/shared/contracts';
import { encryptField, KeyStoreClient } from '@rj/shared/pii';
import { caseForMediator } from '../agreements/case-access';

/**
 * Keeps self-declarations encrypted under the referral's data key: erasing the referral's
 * personal data destroys that key, and the erasure's handler deletes the rows. No event is
 * written — not even one with ids, since an event saying that someone declared is itself a
 * fact about them nobody needs.
 */
@Injectable()
export class SelfDeclarationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyStore: KeyStoreClient,
  ) {}

  /** Stores the declaration; answers the attributes recorded (never their values). */
  async record(principal: Principal, caseId: string, participantId: string, input: SelfDeclaration): Promise<string[]> {
    const declaration = normaliseSelfDeclaration(input);
    const { referral } = await this.participantOf(this.dataSource.manager, principal, caseId, participantId);
    // After the access check, so a stranger never makes us fetch a key (as FreeTextCipher).
    const key = await this.keyStore.getKey(referral.dataKeyId);
    if (!key) throw new Gone("this referral's personal data was erased; nothing can be recorded about its people");
    const ciphertext = encryptField(JSON.stringify(declaration), key);
    await this.dataSource.manager.upsert(
      SelfDeclarationEntity,
      { participantId, referralId: referral.id, declaration: ciphertext, declaredAt: new Date() },
      ['participantId'],
    );
    return Object.keys(declaration);
  }

  async withdraw(principal: Principal, caseId: string, participantId: string): Promise<void> {
    await this.participantOf(this.dataSource.manager, principal, caseId, participantId);
    await this.dataSource.manager.delete(SelfDeclarationEntity, { participantId });
  }

  private async participantOf(manager: EntityManager, principal: Principal, caseId: string, participantId: string) {
    const kase = await caseForMediator(manager, principal, caseId, false);
    const participant = await manager.findOneBy(ParticipantEntity, { id: participantId, referralId: kase.referralId });
    if (!participant) throw new NotFound('participant not found on this case');
    const referral = await manager.findOneByOrFail(ReferralEntity, { id: kase.referralId });
    if (referral.erasedAt) throw new Gone("this referral's personal data was erased");
    return { participant, referral };
  }
}
