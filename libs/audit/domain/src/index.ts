export * from './lib/canonical-json';
export * from './lib/hash-chain';
export * from './lib/chain-verifier';
export * from './lib/checkpoint-keys';
export * from './lib/checkpoint';
export * from './lib/fold-state';
export * from './lib/referral-state';
export * from './lib/ledger-export';
