export { UndecryptableError, type UndecryptableReason } from './lib/undecryptable.error';
export {
  AUTH_TAG_BYTES,
  IV_BYTES,
  formatCiphertext,
  parseCiphertext,
  type CiphertextParts,
} from './lib/ciphertext-format';
export { DATA_KEY_BYTES, assertKeyBytes, generateDataKey, type DataKey } from './lib/data-key';
export { decryptField, encryptField } from './lib/field-cipher';
export { mapPaths } from './lib/field-paths';
export { decryptFields, encryptFields } from './lib/field-set';
export {
  DEV_MASTER_KEY,
  DEV_MASTER_KEYS,
  isDevMasterKey,
  parseMasterKeys,
  rewrapDataKey,
  unwrapDataKey,
  wrapDataKey,
  type MasterKey,
  type MasterKeyRing,
  type WrappedDataKey,
} from './lib/master-key';
export { PERSONAL_DATA_KEYS, REDACTED, redactPersonalData } from './lib/redact';
export { KeyStoreClient, type KeyStoreClientOptions } from './lib/key-store-client';
export { keyStoreCacheHits, keyStoreFetches, keyStoreMetrics } from './lib/key-store-metrics';
