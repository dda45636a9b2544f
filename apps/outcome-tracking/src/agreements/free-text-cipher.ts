import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ReferralEntity } from '@rj/outcome/data-access';
import type { Principal } from '@rj/shared/auth';
import { Gone } from '@rj/shared/contracts';
import { encryptField, KeyStoreClient } from '@rj/shared/pii';
import { caseForMediator } from './case-access';

/**
 * Term descriptions and progress notes are free text, hence personal data (api.md): they are
 * encrypted under the referral's data key before they are stored, and never leave in events.
 * Done before the transaction, so no row lock waits on the key store — but only after the
 * access check: a case the caller may not act on answers 404 (or 403) before any key is
 * fetched, so another organisation's erased referral never shows as 410, and a stranger never
 * makes us fetch a key. The transaction checks access again, under the row lock.
 */
@Injectable()
export class FreeTextCipher {
  constructor(private readonly keyStore: KeyStoreClient) {}

  async encryptForCase(
    dataSource: DataSource,
    principal: Principal,
    caseId: string,
    texts: (string | undefined)[],
  ): Promise<(string | null)[]> {
    if (texts.every((text) => text === undefined || text === '')) return texts.map(() => null);
    const kase = await caseForMediator(dataSource.manager, principal, caseId, false);
    const referral = await dataSource.manager.findOneBy(ReferralEntity, { id: kase.referralId });
    if (!referral) return texts.map(() => null);
    const key = await this.keyStore.getKey(referral.dataKeyId);
    if (!key) throw new Gone("this referral's personal data was erased; free text can no longer be recorded");
    return texts.map((text) => (text ? encryptField(text, key) : null));
  }
}
