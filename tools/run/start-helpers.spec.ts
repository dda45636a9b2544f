/**
 * What `npm start` shows and how it wires the console, the seed and the mail catcher: the
 * helpers beside tools/run/start.js, which is plain CommonJS (it runs before the TypeScript
 * loader exists).
 */
import { localServiceUrl } from '@rj/shared/contracts';
import { createServer, type AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';

const { createLineFormatter, pipeFormatted, wantsPrettyLogs } = require('./log-lines') as {
  createLineFormatter: (name: string, options?: { index?: number; colour?: boolean }) => (line: string) => string;
  pipeFormatted: (
    input: NodeJS.ReadableStream,
    output: NodeJS.WritableStream,
    format: (line: string) => string,
  ) => void;
  wantsPrettyLogs: (env: Record<string, string | undefined>, stdout: { isTTY?: boolean }) => boolean;
};
const { envFileChanges } = require('./env-file') as {
  envFileChanges: (
    text: string,
    env: Record<string, string | undefined>,
  ) => { set: Record<string, string>; skipped: string[] };
};
const { mailCatcherArgs, mailCatcherPlan, portTaken } = require('./mail-catcher') as {
  portTaken: (port: number) => Promise<boolean>;
  mailCatcherPlan: (env: Record<string, string | undefined>) => {
    start: boolean;
    smtpPort?: number;
    webPort?: number;
    webUrl?: string;
    reason?: string;
  };
  mailCatcherArgs: (plan: object, root: string) => string[];
};
const { consoleEnv, readyLines, seedEnv, serviceUrls } = require('./console-env') as {
  consoleEnv: (
    base: Record<string, string>,
    options: { port: number; issuer: string; urls: Record<string, string> },
  ) => Record<string, string>;
  seedEnv: (
    base: Record<string, string>,
    options: { issuer: string; urls: Record<string, string> },
  ) => Record<string, string>;
  serviceUrls: (services: { name: string; port: number }[]) => Record<string, string>;
  readyLines: (options: Record<string, unknown>) => string[];
};
const { SERVICES } = require('./start') as { SERVICES: { name: string; port: number }[] };

const ESC = String.fromCharCode(27);
const pinoLine = JSON.stringify({
  level: 30,
  time: Date.UTC(2026, 11, 6, 9, 30, 5),
  pid: 4242,
  hostname: 'box',
  service: 'referral-intake',
  msg: 'referral submitted',
  referralId: 'r-1',
});

describe('log lines on a terminal', () => {
  const format = createLineFormatter('referral-intake', { colour: false });

  it('makes a JSON log line readable: level and message in words, behind the process name', () => {
    const shown = format(pinoLine);
    expect(shown).toMatch(/^referral-intake\s+│ \[\d\d:\d\d:05\] INFO: referral submitted \{"referralId":"r-1"\}\n$/);
    // The prefix already names the process; pid and hostname are noise.
    expect(shown).not.toMatch(/pid|hostname|service:/);
    expect(shown.trim().startsWith('{')).toBe(false);
  });

  it('shows a request log as one line, its headers left out', () => {
    const request = {
      level: 30,
      time: 0,
      context: 'HTTP',
      msg: 'request completed',
      req: { method: 'POST', url: '/api/referrals', headers: { authorization: '[redacted]' } },
      res: { statusCode: 201, headers: {} },
      responseTime: 17,
      correlationId: 'c-1',
    };
    expect(format(JSON.stringify(request))).toMatch(
      /│ \[[\d:]+\] INFO: HTTP: request completed POST \/api\/referrals → 201 in 17 ms \{"correlationId":"c-1"\}\n$/,
    );
  });

  it('prefixes every line of a multi-line entry (an error with its stack)', () => {
    const shown = format(
      JSON.stringify({
        level: 50,
        time: 0,
        msg: 'failed',
        err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at here' },
      }),
    );
    const lines = shown.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/^referral-intake\s+│ /);
    expect(shown).toContain('ERROR');
  });

  it('passes a line that is not JSON through unchanged, behind the prefix', () => {
    expect(format('[seed] referral  #01 NORTH completed')).toBe(
      `${'referral-intake'.padEnd(20)} │ [seed] referral  #01 NORTH completed\n`,
    );
    expect(format('{not json')).toBe(`${'referral-intake'.padEnd(20)} │ {not json\n`);
  });

  it('colours the prefix, one colour per process', () => {
    const first = createLineFormatter('console', { index: 0 })('hello');
    const second = createLineFormatter('audit-ledger', { index: 1 })('hello');
    expect(first.startsWith(`${ESC}[36mconsole`)).toBe(true);
    expect(second.startsWith(`${ESC}[32maudit-ledger`)).toBe(true);
  });

  it('formats a stream line by line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let written = '';
    output.on('data', (chunk) => (written += chunk));
    pipeFormatted(input, output, createLineFormatter('idp', { colour: false }));
    input.end('one\ntwo\n');
    await new Promise((resolve) => input.on('end', resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toBe(`${'idp'.padEnd(20)} │ one\n${'idp'.padEnd(20)} │ two\n`);
  });

  it('is pretty on a terminal only, and LOG_FORMAT=json keeps the raw lines there too', () => {
    expect(wantsPrettyLogs({}, { isTTY: true })).toBe(true);
    expect(wantsPrettyLogs({}, { isTTY: false })).toBe(false);
    expect(wantsPrettyLogs({}, {})).toBe(false);
    expect(wantsPrettyLogs({ LOG_FORMAT: 'json' }, { isTTY: true })).toBe(false);
  });
});

describe('.env', () => {
  it('adds what the shell does not set and never replaces what it does', () => {
    const changes = envFileChanges('LOG_LEVEL=debug\nSEED_DEMO=false\nREDIS_URL="redis://other:6379"\n', {
      LOG_LEVEL: 'warn',
    });
    expect(changes.set).toEqual({ SEED_DEMO: 'false', REDIS_URL: 'redis://other:6379' });
  });

  it('skips the variables each service has its own value of (one PORT for all would collide)', () => {
    const changes = envFileChanges(
      'PORT=3005\nDATABASE_URL=postgres://x/y\nJOBS_PREFIX=a\nSMTP_URL=smtp://mail:25\n',
      {},
    );
    expect(changes.set).toEqual({ SMTP_URL: 'smtp://mail:25' });
    expect(changes.skipped.sort()).toEqual(['DATABASE_URL', 'JOBS_PREFIX', 'PORT']);
  });
});

describe('the mail catcher', () => {
  it('runs on the services’ default SMTP address (127.0.0.1:1025) with its web page on 1080', () => {
    const plan = mailCatcherPlan({});
    expect(plan).toMatchObject({ start: true, smtpPort: 1025, webPort: 1080, webUrl: 'http://127.0.0.1:1080' });
    const args = mailCatcherArgs(plan, '/repo');
    expect(args[0]).toBe('/repo/node_modules/maildev/dist/bin/maildev.js');
    // Loopback only: the e-mails hold people's names and addresses.
    expect(args.join(' ')).toContain('--smtp 1025 --ip 127.0.0.1 --web 1080 --web-ip 127.0.0.1');
    // Silent: it would print every recipient's address into the terminal.
    expect(args).toContain('--silent');
  });

  it('follows a local SMTP_URL on another port', () => {
    expect(mailCatcherPlan({ SMTP_URL: 'smtp://localhost:2525', MAIL_CATCHER_WEB_PORT: '2080' })).toMatchObject({
      start: true,
      smtpPort: 2525,
      webUrl: 'http://127.0.0.1:2080',
    });
  });

  it('sees a port already taken (another catcher on 1025 is then used, not fought over)', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    expect(await portTaken(port)).toBe(true);
    await new Promise((resolve) => server.close(resolve));
    expect(await portTaken(port)).toBe(false);
  });

  it('leaves a real mail server alone', () => {
    expect(mailCatcherPlan({ SMTP_URL: 'smtp://mail.example.org:25' })).toMatchObject({ start: false });
    expect(mailCatcherPlan({ SMTP_URL: 'smtps://127.0.0.1:465' })).toMatchObject({ start: false });
    expect(mailCatcherPlan({ SMTP_URL: 'smtp://user:pw@127.0.0.1:1025' })).toMatchObject({ start: false });
  });
});

describe('the console and the seed under npm start', () => {
  const urls = serviceUrls(SERVICES);

  it('gives the console its public URL, the provider and all five services, and no secret of theirs', () => {
    const env = consoleEnv(
      {
        AUTH_JWT_SECRET: 'x'.repeat(40),
        PII_KEY_STORE_URL: 'http://127.0.0.1:4001',
        AUTH_CLIENT_SECRET: 'leaked',
        REDIS_URL: 'redis://r:6379',
      },
      { port: 3000, issuer: 'http://127.0.0.1:3100', urls },
    );
    expect(env).toMatchObject({
      PORT: '3000',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      OIDC_ISSUER: 'http://127.0.0.1:3100',
      REDIS_URL: 'redis://r:6379',
      REFERRAL_INTAKE_URL: localServiceUrl('referral-intake'),
      PARTNER_MATCHING_URL: localServiceUrl('partner-matching'),
      MEDIATION_SCHEDULING_URL: localServiceUrl('mediation-scheduling'),
      OUTCOME_TRACKING_URL: localServiceUrl('outcome-tracking'),
      AUDIT_LEDGER_URL: localServiceUrl('audit-ledger'),
    });
    for (const name of ['AUTH_JWT_SECRET', 'PII_KEY_STORE_URL', 'AUTH_CLIENT_SECRET'])
      expect(env).not.toHaveProperty(name);
  });

  it('points the seed at the same services and provider', () => {
    expect(seedEnv({}, { issuer: 'http://127.0.0.1:3100', urls })).toMatchObject({
      IDP_ISSUER: 'http://127.0.0.1:3100',
      RJ_URL_REFERRAL_INTAKE: localServiceUrl('referral-intake'),
      RJ_URL_AUDIT_LEDGER: localServiceUrl('audit-ledger'),
    });
  });

  it('says where to go first: the console, then the services, the mail catcher and a token', () => {
    const lines = readyLines({
      seconds: '42',
      consoleUrl: 'http://127.0.0.1:3000',
      issuer: 'http://127.0.0.1:3100',
      jwksUri: 'http://127.0.0.1:3100/jwks',
      services: SERVICES,
      mail: 'http://127.0.0.1:1080',
      seed: 'Demo data: done.',
    });
    const text = lines.join('\n');
    const firstUrl = lines.find((line) => line.includes('http'));
    expect(firstUrl).toContain('Open http://127.0.0.1:3000 and sign in with a demo account');
    expect(text.indexOf('referral-intake')).toBeGreaterThan(text.indexOf('Open http://127.0.0.1:3000'));
    for (const service of SERVICES) expect(text).toContain(`http://127.0.0.1:${service.port}`);
    expect(text).toMatch(/mail catcher\s+http:\/\/127\.0\.0\.1:1080/);
    expect(text).toContain('npm run token -- --account admin-1');
  });
});

describe('the checkpoint signer under npm start (issue 14, item 7)', () => {
  const { serviceEnv, signerEnv, SIGNER } = require('./start') as {
    serviceEnv: (service: object, options: object) => Record<string, string | undefined>;
    signerEnv: (options: object) => Record<string, string | undefined>;
    SIGNER: { port: number };
  };
  const discovery = { jwks_uri: 'http://127.0.0.1:3100/jwks', issuer: 'http://127.0.0.1:3100' };
  const baseEnv = { AUTH_JWT_SECRET: 'x'.repeat(40), AUDIT_CHECKPOINT_PRIVATE_KEY: 'dev-key' };

  it('runs as a process of its own that checks tokens through the provider and gets no credential', () => {
    const env = signerEnv({ baseEnv, discovery });
    expect(env).toMatchObject({ PORT: String(SIGNER.port), AUTH_JWKS_URL: discovery.jwks_uri });
    expect(env.AUTH_JWT_SECRET ?? env.AUTH_CLIENT_SECRET ?? env.AUDIT_SIGNER_URL).toBeUndefined();
  });

  it('audit-ledger asks it by its own service token, and still gets no key store', () => {
    const auditLedger = SERVICES.find((service) => service.name === 'audit-ledger');
    const env = serviceEnv(auditLedger as object, { baseEnv, brokers: ['127.0.0.1:9092'], discovery });
    expect(env).toMatchObject({
      AUDIT_SIGNER_URL: `http://127.0.0.1:${SIGNER.port}`,
      AUTH_CLIENT_ID: 'audit-ledger',
      AUTH_CLIENT_SECRET: expect.any(String),
    });
    expect(env.PII_KEY_STORE_URL ?? env.AUDIT_CHECKPOINT_PRIVATE_KEY).toBeUndefined();
  });
});
