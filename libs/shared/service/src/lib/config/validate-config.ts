import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';
import { DEV_SECRETS, PRODUCTION_REQUIRED, SECRET_NAME, SENSITIVE_NAME } from './dev-secrets';

export type Env = Record<string, string | undefined>;
export type ConfigResult<T> = { config: Readonly<T>; errors?: undefined } | { config?: undefined; errors: string[] };

/**
 * Reads the variables `EnvClass` declares (every property needs a class-validator decorator,
 * `@IsOptional()` at least) from `env`, applies the class's defaults, and validates. Pure:
 * returns the typed config, or one line per problem in the form printed at start-up.
 */
export function validateConfig<T extends object>(EnvClass: new () => T, env: Env = process.env): ConfigResult<T> {
  const declared = declaredVariables(EnvClass);
  // An empty variable (`AUTH_JWKS_URL=`) means "not set", as in most .env tooling.
  const plain: Record<string, string> = {};
  for (const name of declared) {
    const value = env[name]?.trim();
    if (value) plain[name] = value;
  }
  const instance = plainToInstance(EnvClass, plain, { exposeDefaultValues: true });
  const errors = validateSync(instance, { forbidUnknownValues: false }).map((error) => describe(error, plain));
  errors.push(...productionProblems(instance as Record<string, unknown>, env, declared));
  return errors.length ? { errors } : { config: Object.freeze(instance) };
}

/**
 * `validateConfig`, or on any problem: one line per problem on stderr and exit 1, before a
 * single connection is opened (conventions.md: "a missing or malformed variable stops the
 * app with one clear line per problem").
 */
export function loadConfig<T extends object>(EnvClass: new () => T, env: Env = process.env): Readonly<T> {
  const result = validateConfig(EnvClass, env);
  if (!result.errors) return result.config;
  process.stderr.write(`${result.errors.join('\n')}\n`);
  process.exit(1);
}

function declaredVariables(EnvClass: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(EnvClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function describe(error: ValidationError, plain: Record<string, string>): string {
  const name = error.property;
  const raw = plain[name];
  if (raw === undefined) return line(name, 'is required');
  const messages = [
    ...new Set(Object.values(error.constraints ?? {}).map((m) => m.replace(new RegExp(`^${name} `), ''))),
  ];
  return line(name, `${messages.join('; ')}${shown(name, raw)}`);
}

function shown(name: string, raw: string): string {
  if (SENSITIVE_NAME.test(name)) return '';
  // A URL may carry a password (postgres://user:secret@host): keep it out of the line.
  return ` (got "${raw.replace(/\/\/[^/@\s]*@/, '//***@')}")`;
}

function productionProblems(config: Record<string, unknown>, env: Env, declared: string[]): string[] {
  if (config['NODE_ENV'] !== 'production') return [];
  // Required of the classes that declare them (the services' token verification), not of every app.
  const problems = PRODUCTION_REQUIRED.filter((name) => declared.includes(name) && !config[name]).map((name) =>
    line(name, 'is required in production'),
  );
  // Defaults live on the instance, overrides in env: look at both so neither path slips by.
  // AUTH_JWT_SECRET's default is the exception: production never uses the shared secret
  // (auth-settings.ts), so only a value someone actually set there is refused.
  const fromConfig = Object.entries(config).filter(([name]) => name !== 'AUTH_JWT_SECRET');
  const candidates = new Map<string, unknown>([...Object.entries(env), ...fromConfig]);
  for (const [name, value] of candidates) {
    if (SECRET_NAME.test(name) && typeof value === 'string' && DEV_SECRETS.has(value)) {
      problems.push(line(name, 'holds a development default; production needs a secret of its own'));
    }
  }
  return problems;
}

const line = (name: string, message: string): string => `[config] ${name}: ${message}`;
