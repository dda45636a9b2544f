import fs from 'node:fs';
import path from 'node:path';
import {
  nodeOptionsOfDeployment,
  nodeOptionsOfDockerfile,
  productionNodeOptions,
  serviceOfEntry,
} from './production-node-options';

const ROOT = path.resolve(__dirname, '../../../../..');
const semiSpaceMb = (flags: string) => Number(/--max-semi-space-size=(\d+)/.exec(flags)?.[1]);

describe('nodeOptionsOfDockerfile', () => {
  it('reads the quoted NODE_OPTIONS of an ENV instruction spread over continued lines', () => {
    const dockerfile = [
      'FROM node AS runtime',
      'ENV NODE_ENV=production \\',
      '    NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=256"',
      'CMD ["node", "main.js"]',
    ].join('\n');
    expect(nodeOptionsOfDockerfile(dockerfile)).toBe('--max-semi-space-size=8 --max-old-space-size=256');
  });

  it('refuses a Dockerfile without them rather than running a bench without production flags', () => {
    expect(() => nodeOptionsOfDockerfile('FROM node\nENV NODE_ENV=production')).toThrow(/no NODE_OPTIONS/);
  });

  it("finds the project's Dockerfile capping both V8 generations (issue 15: < 200 MB RSS a service)", () => {
    expect(productionNodeOptions()).toMatch(/--max-old-space-size=\d+/);
    expect(productionNodeOptions()).toMatch(/--max-semi-space-size=\d+/);
  });
});

describe("a service's own flags", () => {
  it("reads a deployment's NODE_OPTIONS, and none where it sets none", () => {
    const env = ['          env:', '            - name: PORT', '              value: "3005"'];
    const withFlags = [...env, '            - name: NODE_OPTIONS', '              value: "--max-semi-space-size=8"'];
    expect(nodeOptionsOfDeployment(withFlags.join('\n'))).toBe('--max-semi-space-size=8');
    expect(nodeOptionsOfDeployment(env.join('\n'))).toBeUndefined();
  });

  it('knows the service of an entry point, in the sources and in the build', () => {
    expect(serviceOfEntry('apps/referral-intake/src/main.ts')).toBe('referral-intake');
    expect(serviceOfEntry('/repo/dist/apps/audit-ledger/src/main.js')).toBe('audit-ledger');
    expect(serviceOfEntry('/tmp/heap-limit.js')).toBeUndefined();
    expect(serviceOfEntry('apps/audit-ledger/src/signer-main.ts')).toBeUndefined();
  });

  it("starts audit-ledger with 8 MB semi-spaces, as k8s and docker-compose do, and the others with the image's 4", () => {
    expect(semiSpaceMb(productionNodeOptions())).toBe(4);
    for (const service of ['referral-intake', 'partner-matching', 'mediation-scheduling', 'outcome-tracking'])
      expect(productionNodeOptions(service)).toBe(productionNodeOptions());
    const auditLedger = productionNodeOptions('audit-ledger');
    expect(semiSpaceMb(auditLedger)).toBe(8);
    expect(auditLedger).toMatch(/--max-old-space-size=256/);
    const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`NODE_OPTIONS: "${auditLedger}"`);
  });
});
