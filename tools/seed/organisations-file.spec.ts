/** The organisations file the development identity provider reads its demo accounts from. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { organisationsFilePath, readOrganisationsFile, writeOrganisationsFile } from './organisations-file';
import type { DemoOrganisations } from './seed-demo';

describe('the organisations file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'seed-demo-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const first: DemoOrganisations = {
    offices: [{ id: 'o1', name: 'One', jurisdiction: 'J1' }],
    partners: [{ id: 'p1', name: 'P' }],
    mediators: [{ sub: 'm1', partnerId: 'p1', name: 'M' }],
  };
  const second: DemoOrganisations = {
    offices: [{ id: 'o2', name: 'Two', jurisdiction: 'J2' }],
    partners: [],
    mediators: [],
  };

  it('is written in the shape the provider reads, creating its folder', () => {
    const file = path.join(dir, 'nested', 'organisations.json');
    writeOrganisationsFile(file, first);
    expect(readOrganisationsFile(file)).toEqual(first);
  });

  it('keeps the earlier organisations only when asked (a forced second seed), else starts afresh', () => {
    const file = path.join(dir, 'organisations.json');
    writeOrganisationsFile(file, first);
    writeOrganisationsFile(file, second, { keepExisting: true });
    expect(readOrganisationsFile(file)!.offices.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(readOrganisationsFile(file)!.mediators).toEqual(first.mediators);
    writeOrganisationsFile(file, second);
    expect(readOrganisationsFile(file)).toEqual(second);
  });

  it('lives in .cache/demo unless DEMO_ORGANISATIONS_FILE says otherwise', () => {
    expect(organisationsFilePath({})).toMatch(/\.cache\/demo\/organisations\.json$/);
    expect(organisationsFilePath({ DEMO_ORGANISATIONS_FILE: '/tmp/x.json' })).toBe('/tmp/x.json');
  });
});
