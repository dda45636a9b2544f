import { Injectable } from '@nestjs/common';
import { Gone, keyIdOfCiphertext, type Ciphertext } from '@rj/shared/contracts';
import { decryptField, encryptField, KeyStoreClient } from '@rj/shared/pii';

/**
 * Confidential free text (notes, a disclosure's recipient) is encrypted with the referral's own
 * data key, bound to its case and purpose as associated data. Chosen over a service-local key
 * because it is personal data about the same people: erasing the referral (deleting its key)
 * then shreds the notes too, with no second key to guard, rotate or forget. The price: writing
 * and reading notes needs the key store (503 when it is down), as any personal data read does.
 */
@Injectable()
export class ConfidentialCipher {
  constructor(private readonly keyStore: KeyStoreClient) {}

  async encrypt(plaintext: string, dataKeyId: string | null, context: string): Promise<Ciphertext> {
    const key = dataKeyId ? await this.keyStore.getKey(dataKeyId) : null;
    if (!key) throw new Gone("the referral's personal data was erased; nothing confidential can be added");
    return encryptField(plaintext, key, context);
  }

  /** Null once the referral's personal data was erased. */
  async decrypt(ciphertext: string, context: string): Promise<string | null> {
    const key = await this.keyStore.getKey(keyIdOfCiphertext(ciphertext as Ciphertext));
    return key ? decryptField(ciphertext, key, context) : null;
  }
}

export const noteContext = (caseId: string) => `case-note:${caseId}`;
export const recipientContext = (caseId: string) => `disclosure-recipient:${caseId}`;
