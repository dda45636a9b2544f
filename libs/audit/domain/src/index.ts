export { CanonicalJsonError, canonicalJson } from './lib/canonical-json';
export {
  GENESIS_HASH,
  GENESIS_POINT,
  chainHash,
  type ChainEntry,
  type ChainPoint,
  type ChainVerification,
} from './lib/hash-chain';
export { ChainVerifier, verifyChain, verifyChainAsync, type ChainVerifierOptions } from './lib/chain-verifier';
export {
  DEV_CHECKPOINT_KEY,
  checkpointKeyId,
  generateCheckpointKeyPair,
  isDevCheckpointKey,
  parseCheckpointPrivateKey,
  parseCheckpointPublicKey,
  publicKeyBase64,
} from './lib/checkpoint-keys';
export {
  checkpointMatches,
  checkpointSigningBytes,
  detectTruncation,
  signCheckpoint,
  verifyCheckpointSignature,
  type CheckpointBody,
  type SignedCheckpoint,
} from './lib/checkpoint';
export {
  StateFold,
  byOccurrence,
  foldState,
  type FoldOptions,
  type FoldResult,
  type FoldedState,
  type LedgerRecord,
  type ReducerMap,
  type ReducerSpec,
} from './lib/fold-state';
export {
  REFERRAL_STATE_REDUCERS,
  initialReferralState,
  parseReferralState,
  reduceReferralState,
  storedReferralState,
  type ReferralState,
} from './lib/referral-state';
export { CSV_COLUMNS, csvField, csvHeader, csvRow, ndjsonLine, type LedgerRow } from './lib/ledger-export';
export {
  VERIFICATION_STALE_MS,
  verificationView,
  type VerificationRecord,
  type VerificationStatus,
  type VerificationView,
} from './lib/verification-progress';
export {
  DEFAULT_UNUSUAL_READS_RULE,
  unusualReads,
  type ReadVolume,
  type UnusualReads,
  type UnusualReadsRule,
} from './lib/unusual-reads';
