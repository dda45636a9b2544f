export * from './lib/undecryptable.error';
export * from './lib/ciphertext-format';
export * from './lib/data-key';
export * from './lib/field-cipher';
export * from './lib/field-paths';
export * from './lib/field-set';
export * from './lib/master-key';
export * from './lib/redact';
