import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
export const REFERENCE_DIR = join(ROOT, 'docs/reference');
export const OPENAPI_FILE = join(REFERENCE_DIR, 'openapi.json');
export const ASYNCAPI_FILE = join(REFERENCE_DIR, 'asyncapi.json');

/**
 * The documents the front door serves: the merged OpenAPI document and the AsyncAPI document,
 * as generated into docs/reference (`npm run contracts:generate`; a test keeps them current).
 * A missing file is served as undefined (404), never a crash.
 */
export function readReferenceDocument(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
