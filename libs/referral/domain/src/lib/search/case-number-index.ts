import { createHmac } from 'node:crypto';

/**
 * A prosecutor's case number as people type it: "parket 2025  0042 " and "PARKET 2025 0042"
 * name the same case. Unicode is composed (NFC), the ends trimmed, inner runs of white space
 * collapsed to one space, and letters upper-cased, so equal case numbers index alike.
 */
export function normaliseCaseNumber(caseNumber: string): string {
  return caseNumber.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase();
}

/**
 * The blind index of a case number: HMAC-SHA256 of its normal form under a key of its own
 * (CASE_NUMBER_INDEX_KEY), base64url. Equal case numbers give equal indexes, so a search is
 * an equality match on a column, without decrypting anything; without the key the index
 * cannot be computed, so a stolen table cannot be searched by guessing likely numbers.
 */
export function caseNumberIndex(caseNumber: string, indexKey: Uint8Array): string {
  return createHmac('sha256', indexKey).update(normaliseCaseNumber(caseNumber), 'utf8').digest('base64url');
}
