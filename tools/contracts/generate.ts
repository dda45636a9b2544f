/** `npm run contracts:generate`: writes every generated contract file (generated-files.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generatedFiles } from './generated-files';

const ROOT = resolve(__dirname, '../..');

void generatedFiles().then(
  (files) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), content);
      console.log(`wrote ${path}`);
    }
    process.exit(0);
  },
  (error: Error) => {
    console.error(`contracts:generate failed: ${error.message}`);
    process.exit(1);
  },
);
