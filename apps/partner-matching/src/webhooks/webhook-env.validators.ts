import { registerDecorator, type ValidationOptions } from 'class-validator';
import { parseMasterKeys } from '@rj/shared/pii';

/** A decorator that runs `parse` and reports its error's message, the parser's own line. */
function parsedBy(name: string, parse: (value: string) => unknown, options?: ValidationOptions): PropertyDecorator {
  const problemOf = (value: unknown): string | undefined => {
    try {
      parse(typeof value === 'string' ? value : '');
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => problemOf(value) === undefined,
        defaultMessage: (args) => problemOf(args?.value) ?? `invalid ${name}`,
      },
    });
}

/** WEBHOOK_MASTER_KEY: a master key ring, as referral-intake's PII_MASTER_KEYS. */
export const IsMasterKeyRingValue = (options?: ValidationOptions) =>
  parsedBy('isMasterKeyRing', parseMasterKeys, options);
