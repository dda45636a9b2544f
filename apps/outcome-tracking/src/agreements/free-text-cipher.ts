import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { CaseEntity, ReferralEntity } from '@rj/outcome/data-access';
import { Gone } from '@rj/shared/contracts';
import { encryptField, KeyStoreClient } from '@rj/shared/pii';

/**
 * Term descriptions and progress notes are free text, hence personal data (api.md): they are
 * encrypted under the referral's data key before they are stored, and never leave in events.
 * Done before the transaction, so no row lock waits on the key store.
 */
@Injectable()
export class FreeTextCipher {
  constructor(private readonly keyStore: KeyStoreClient) {}

  async encryptForCase(dataSource: DataSource, caseId: string, texts: (string | undefined)[]): Promise<(string | null)[]> {
    if (texts.every((text) => text === undefined || text === '')) return texts.map(() => null);
    const kase = await dataSource.manager.findOneBy(CaseEntity, { id: caseId });
    const referral = kase && (await dataSource.manager.findOneBy(ReferralEntity, { id: kase.referralId }));
    // No case: the access check in the transaction answers 404; encrypt nothing meanwhile.
    if (!referral) return texts.map(() => null);
    const key = await this.keyStore.getKey(referral.dataKeyId);
    if (!key) throw new Gone("this referral's personal data was erased; free text can no longer be recorded");
    return texts.map((text) => (text ? encryptField(text, key) : null));
  }
}
