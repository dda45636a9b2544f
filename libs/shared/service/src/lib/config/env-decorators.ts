import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/** "true"/"false"/"1"/"0" → boolean; anything else stays a string so @IsBoolean reports it. */
export const EnvBoolean = (): PropertyDecorator =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const normalised = value.trim().toLowerCase();
    if (normalised === 'true' || normalised === '1') return true;
    if (normalised === 'false' || normalised === '0') return false;
    return value;
  });

/** "a, b ,c" → ["a", "b", "c"]: the environment's way of spelling a list. */
export const EnvList = (): PropertyDecorator =>
  Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : value,
  );

/** "42" → 42 and "abc" → NaN (reported by @IsInt/@Min), but never "" → 0. */
export const EnvNumber = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value));

/**
 * A URL whose scheme is one of `protocols` (e.g. ["postgres:", "postgresql:"]), parsed with
 * the WHATWG URL parser the clients themselves use (validator's isURL rejects hosts such as
 * `postgres` in a compose network).
 */
export function IsUrlWithProtocol(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isUrlWithProtocol',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: protocols,
      options: { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, ...options },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'string') return false;
          try {
            const url = new URL(value);
            return protocols.includes(url.protocol) && url.host.length > 0;
          } catch {
            return false;
          }
        },
      },
    });
}
