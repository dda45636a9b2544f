// For tests and benches only, never a service: a ledger of synthetic events written straight to the tables.
export { loadSyntheticLedger } from './lib/test/synthetic-ledger';
