/**
 * The generated contract files in the repository are the ones the code and the route table
 * produce today: the merged OpenAPI document, the AsyncAPI document, the endpoint and event
 * references, the k8s Ingress and the compose proxy's nginx.conf. A stale one fails here with
 * the command that refreshes it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REGENERATE, generatedFiles } from './generated-files';

const ROOT = resolve(__dirname, '../..');
let files: Record<string, string>;

beforeAll(async () => {
  files = await generatedFiles();
}, 120_000);

describe('generated contract files', () => {
  it('are all committed and current', () => {
    const stale = Object.entries(files)
      .filter(([path, content]) => !existsSync(join(ROOT, path)) || readFileSync(join(ROOT, path), 'utf8') !== content)
      .map(([path]) => `${path} is stale: run ${REGENERATE}`);
    expect(stale).toEqual([]);
  });
});
