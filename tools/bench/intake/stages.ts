/**
 * Where a submission's CPU goes, stage by stage, in-process and without I/O: the same calls the
 * service makes for one POST /api/referrals, timed over many rounds (median per call). Tells the
 * CPU part of tools/bench/intake/run.ts's figures apart from waiting on Postgres.
 *
 *   node -r ./tools/runtime/register.js tools/bench/intake/stages.ts [--rounds 3000]
 */
import { cpus } from 'node:os';
import { DEV_JWT_SECRET, mintToken, TokenVerifier } from '@rj/shared/auth';
import { jsonIfValidated, uuidv7 } from '@rj/shared/contracts';
import { DEFAULT_SCREENING_POLICY, referralRuleProblems, screenReferral } from '@rj/referral/domain';
import { DEV_MASTER_KEYS, parseMasterKeys } from '@rj/shared/pii';
import { createValidationPipe } from '@rj/shared/service';
// The bench times the app's own submission code in-process, so it reaches into the app (tools only).
/* eslint-disable @nx/enforce-module-boundaries */
import { CreateReferralDto } from '../../../apps/referral-intake/src/referrals/dto/create-referral.dto';
import { precheckReferralBody } from '../../../apps/referral-intake/src/referrals/dto/create-referral.precheck';
import { prepareReferral } from '../../../apps/referral-intake/src/referrals/prepared-referral';
import { submissionEvents } from '../../../apps/referral-intake/src/referrals/submission-events';
import { KeyStore } from '../../../apps/referral-intake/src/key-store/key-store';
/* eslint-enable @nx/enforce-module-boundaries */
import { referralBodyText } from './referral-bodies';

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1] || 3000) || 3000;

async function main(): Promise<void> {
  const pipe = createValidationPipe();
  const verifier = new TokenVerifier({ jwtSecret: DEV_JWT_SECRET });
  const principal = { sub: 'bench', role: 'prosecutor' as const, org: uuidv7(), name: 'Bench' };
  const token = mintToken(principal, DEV_JWT_SECRET);
  const keys = new KeyStore(parseMasterKeys(DEV_MASTER_KEYS));
  const text = referralBodyText(1, 'NL-NH');

  let dto = (await pipe.transform(JSON.parse(text), {
    type: 'body',
    metatype: CreateReferralDto,
  })) as CreateReferralDto;
  let prepared = prepareReferral(dto, {
    referralId: uuidv7(),
    officeId: principal.org,
    key: keys.newDataKey(uuidv7()),
    decision: screenReferral(dto, DEFAULT_SCREENING_POLICY),
    now: new Date(),
  });
  let events = submissionEvents(principal, prepared);

  const stages: [string, () => unknown][] = [
    ['JWT verify (HS256, shared auth)', () => verifier.verify(token)],
    ['JSON.parse of the body', () => JSON.parse(text)],
    [
      'ValidationPipe: class-validator (invalid bodies)',
      async () =>
        (dto = (await pipe.transform(JSON.parse(text), {
          type: 'body',
          metatype: CreateReferralDto,
        })) as CreateReferralDto),
    ],
    ['precompiled body check (what the service runs)', () => precheckReferralBody(JSON.parse(text))],
    ['domain rules + screening', () => [referralRuleProblems(dto), screenReferral(dto, DEFAULT_SCREENING_POLICY)]],
    [
      'new data key + wrap + 14 field encryptions',
      () =>
        (prepared = prepareReferral(dto, {
          referralId: uuidv7(),
          officeId: principal.org,
          key: keys.newDataKey(uuidv7()),
          decision: screenReferral(dto, DEFAULT_SCREENING_POLICY),
          now: new Date(),
        })),
    ],
    ['buildEvent: submitted + screened (validated)', () => (events = submissionEvents(principal, prepared))],
    ['appendToOutbox: validated once (jsonIfValidated x2)', () => events.map(jsonIfValidated)],
    ['JSON.stringify of rows and events', () => JSON.stringify([prepared, events])],
  ];
  const samples = stages.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < stages.length; i++) {
      const start = process.hrtime.bigint();
      await stages[i][1]();
      samples[i].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const total = samples.reduce((sum, values) => sum + median(values), 0);
  process.stdout.write(`\nCPU per submission by stage (median of ${ROUNDS} rounds, ${cpus()[0]?.model ?? 'cpu'})\n`);
  stages.forEach(([name], i) =>
    process.stdout.write(`  ${name.padEnd(50)}${median(samples[i]).toFixed(3).padStart(8)} ms\n`),
  );
  process.stdout.write(`  ${'total of these stages'.padEnd(50)}${total.toFixed(3).padStart(8)} ms\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
