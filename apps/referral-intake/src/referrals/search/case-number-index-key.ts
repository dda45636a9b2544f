import { Injectable } from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { caseNumberIndex } from '@rj/referral/domain';
import { InjectServiceConfig } from '@rj/shared/service';

/**
 * The public development key of the case-number blind index. Like the development master key it
 * is in the repository for everyone to read, so production refuses it.
 */
export const DEV_CASE_NUMBER_INDEX_KEY = 'ZGV2LW9ubHktY2FzZS1udW1iZXItaW5kZXgta2V5LTAw';
const MIN_KEY_BYTES = 32;

/** The key's bytes from its base64 form; throws a line naming what is wrong, never the key. */
export function parseCaseNumberIndexKey(value: unknown): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) throw new Error('must be base64');
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < MIN_KEY_BYTES)
    throw new Error(`must decode to at least ${MIN_KEY_BYTES} bytes, got ${bytes.length}`);
  return bytes;
}

function problemOf(value: unknown, nodeEnv: string | undefined): string | undefined {
  try {
    parseCaseNumberIndexKey(value);
  } catch (error) {
    return (error as Error).message;
  }
  // The shared check refuses development values only of *_SECRET / *_MASTER_KEY names.
  if (nodeEnv === 'production' && value === DEV_CASE_NUMBER_INDEX_KEY)
    return 'holds the development key; production needs a key of its own';
  return undefined;
}

/** CASE_NUMBER_INDEX_KEY: base64 of at least 32 bytes, and never the development key in production. */
export function IsCaseNumberIndexKey(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCaseNumberIndexKey',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args) =>
          problemOf(value, (args?.object as { NODE_ENV?: string }).NODE_ENV) === undefined,
        defaultMessage: (args) =>
          problemOf(args?.value, (args?.object as { NODE_ENV?: string }).NODE_ENV) ?? 'invalid key',
      },
    });
}

/**
 * Computes case numbers' blind indexes with the configured key. Changing the key makes every
 * stored index stale: run `reindex-case-numbers.ts` after a change (it also fills in referrals
 * submitted before the index existed).
 */
@Injectable()
export class CaseNumberIndexer {
  private readonly key: Buffer;

  constructor(@InjectServiceConfig() config: { CASE_NUMBER_INDEX_KEY: string }) {
    this.key = parseCaseNumberIndexKey(config.CASE_NUMBER_INDEX_KEY);
  }

  indexOf(caseNumber: string): string {
    return caseNumberIndex(caseNumber, this.key);
  }
}
