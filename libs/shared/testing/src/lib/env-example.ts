import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'class-validator';

const ROOT = path.resolve(__dirname, '../../../../..');

/** The variables an env class reads: every property carrying a class-validator decorator. */
export function envVariablesOf(Env: new () => object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(Env, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/** Variables of the env class that `.env.example` does not document. */
export function missingFromEnvExample(Env: new () => object, file = path.join(ROOT, '.env.example')): string[] {
  const documented = new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line.trim())?.[1])
      .filter(Boolean),
  );
  return envVariablesOf(Env).filter((name) => !documented.has(name));
}
