import { isCiphertext } from '@rj/shared/contracts';
import type { DataKey } from './data-key';
import { decryptField, encryptField } from './field-cipher';
import { mapPaths } from './field-paths';
import { UndecryptableError } from './undecryptable.error';

/**
 * Encrypts the personal fields of an object at the given paths (e.g. `parties[].fullName`,
 * `parties[].contact.email`) with one referral's data key. Only strings are encrypted; any
 * other value at a personal path is refused, since leaving it would leave plaintext behind.
 */
export function encryptFields<T>(value: T, paths: readonly string[], dataKey: DataKey): T {
  return mapPaths(value, paths, (leaf, path) => {
    if (typeof leaf !== 'string') throw new TypeError(`personal field ${path} must be a string to encrypt`);
    return encryptField(leaf, dataKey);
  });
}

/** The reverse of encryptFields. A value at a personal path that is not ciphertext is refused. */
export function decryptFields<T>(value: T, paths: readonly string[], dataKey: DataKey): T {
  return mapPaths(value, paths, (leaf, path) => {
    if (!isCiphertext(leaf)) throw new UndecryptableError('malformed', `personal field ${path} is not ciphertext`);
    return decryptField(leaf, dataKey);
  });
}
