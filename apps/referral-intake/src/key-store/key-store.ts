import { Inject, Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { DataKeyEntity } from '@rj/referral/data-access';
import {
  generateDataKey,
  rewrapDataKey,
  unwrapDataKey,
  wrapDataKey,
  type DataKey,
  type MasterKeyRing,
  type WrappedDataKey,
} from '@rj/shared/pii';

export const MASTER_KEYS = Symbol('rj:master-keys');

/** A data key as the key store holds it, with the referral it protects: usable, or erased (crypto-shredded). */
export type StoredKey =
  { state: 'active'; referralId: string; dataKey: DataKey } | { state: 'erased'; referralId: string; erasedAt: Date };

/** The row a new referral's data key is stored as: wrapped, never the key itself. */
export interface NewDataKey {
  dataKey: DataKey;
  row: { keyId: string; referralId: string; masterKeyId: string; wrapped: string };
}

/**
 * The key store for personal data (architecture.md, Personal data and erasure): one data key
 * per referral, wrapped by the current master key from configuration, in intake's own
 * `data_key` table. Keys are unwrapped only in memory, for the moment they are needed.
 * Erasure deletes the wrapped key and keeps the row, so every ciphertext under it — here, in
 * other services' tables, in Kafka and in the audit ledger — can never be read again.
 */
@Injectable()
export class KeyStore {
  constructor(@Inject(MASTER_KEYS) private readonly masterKeys: MasterKeyRing) {}

  /** A fresh key for a new referral; the caller stores `row` in the referral's transaction. */
  newDataKey(referralId: string, now = Date.now()): NewDataKey {
    const dataKey = generateDataKey(now);
    const { masterKeyId, wrapped } = wrapDataKey(dataKey, this.masterKeys.current);
    return { dataKey, row: { keyId: dataKey.keyId, referralId, masterKeyId, wrapped } };
  }

  /** The key, unwrapped; null for a key id the store never issued. */
  async find(manager: EntityManager, keyId: string): Promise<StoredKey | null> {
    const row = await manager.findOne(DataKeyEntity, { where: { keyId } });
    if (!row) return null;
    if (row.wrapped === null)
      return { state: 'erased', referralId: row.referralId, erasedAt: row.erasedAt ?? new Date(0) };
    return {
      state: 'active',
      referralId: row.referralId,
      dataKey: unwrapDataKey(row.keyId, { masterKeyId: row.masterKeyId, wrapped: row.wrapped }, this.masterKeys),
    };
  }

  /** The key of data being read, or null once erased: erased fields read as null. */
  async usableKey(manager: EntityManager, keyId: string): Promise<DataKey | null> {
    const stored = await this.find(manager, keyId);
    return stored?.state === 'active' ? stored.dataKey : null;
  }

  /** Crypto-shredding: the wrapped key is deleted for good; true when this call erased it. */
  async erase(manager: EntityManager, keyId: string, at: Date): Promise<boolean> {
    const result = await manager.update(DataKeyEntity, { keyId, erasedAt: IsNull() }, { wrapped: null, erasedAt: at });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Master-key rotation: re-wraps a batch of live keys still wrapped by an older master key
   * under the current one; returns how many. Run batches, each in its own transaction, until
   * none is left (rewrap-data-keys.ts); the older key can then leave PII_MASTER_KEYS.
   */
  async rewrapBatch(manager: EntityManager, batchSize = 500): Promise<number> {
    const rows = await manager
      .createQueryBuilder(DataKeyEntity, 'k')
      .where('k.wrapped is not null and k.master_key_id <> :current', { current: this.masterKeys.current.id })
      .orderBy('k.key_id')
      .limit(batchSize)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    for (const row of rows) {
      const rewrapped: WrappedDataKey = rewrapDataKey(
        row.keyId,
        { masterKeyId: row.masterKeyId, wrapped: row.wrapped as string },
        this.masterKeys,
      );
      await manager.update(DataKeyEntity, { keyId: row.keyId }, rewrapped);
    }
    return rows.length;
  }
}
