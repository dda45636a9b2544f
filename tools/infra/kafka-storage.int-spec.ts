import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const { ensureJars, writeBrokerFiles, formatStorage } = require('./kafka');

// The real storage tool of the pinned broker. A cluster id starting with '-' once failed CI:
// passed as "-t <id>", the tool's parser took the id for an option and refused to format.
describe('formatting a local broker’s storage with the pinned Kafka', () => {
  let dataDir: string;
  beforeAll(() => ensureJars());
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'rj-kafka-format-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('accepts a cluster id that starts with a dash and writes it to the storage', () => {
    const clusterId = '-w4uZYGHsRy2Xx6pKMnq0A';
    const files = writeBrokerFiles({ port: 1, controllerPort: 2, dataDir });

    formatStorage({ dataDir, ...files, clusterId });

    const meta = readFileSync(join(dataDir, 'logs', 'meta.properties'), 'utf8');
    expect(meta).toContain(`cluster.id=${clusterId}`);
  });
});
