import { UsageError } from './lib/api-client';
import { helpText, parseCommandLine } from './lib/command-line';
import { readableLine, sequenceOf, type LedgerItem } from './lib/ledger-commands';
import { progress, progressLine } from './lib/progress';

describe('the auditor CLI’s command line', () => {
  it('reads a command, its positional argument and its flags, in either flag spelling', () => {
    const line = parseCommandLine(['events', '--type', 'referral.submitted', '--from=2026-01-01T00:00:00Z', '--json']);
    expect(line.command?.name).toBe('events');
    expect(line.flags).toEqual({ type: 'referral.submitted', from: '2026-01-01T00:00:00Z', json: true });
    expect(parseCommandLine(['checkpoint', 'verify', 'saved.json', '--public-key', 'k'])).toMatchObject({
      command: { name: 'checkpoint verify' },
      positional: ['saved.json'],
      flags: { 'public-key': 'k' },
    });
    expect(parseCommandLine(['timeline', 'abc'])).toMatchObject({ command: { name: 'timeline' }, positional: ['abc'] });
  });

  it('refuses an unknown or misplaced flag with one line naming it, rather than ignoring it', () => {
    expect(() => parseCommandLine(['export', '--format', 'csv', '--referal', 'x'])).toThrow(
      new UsageError('unknown option --referal for export; usage: auditor export --format csv|ndjson [filters] > file'),
    );
    expect(() => parseCommandLine(['timeline', 'x', '--type', 'y'])).toThrow(/unknown option --type for timeline/);
    expect(() => parseCommandLine(['events', '--type'])).toThrow(/--type needs a value/);
    expect(() => parseCommandLine(['events', '--json=yes'])).toThrow(/--json takes no value/);
    expect(() => parseCommandLine(['--token', 't', 'events'])).toThrow(/the command comes before --token/);
    expect(() => parseCommandLine(['erase'])).toThrow(/unknown command "erase"/);
    expect(() => parseCommandLine(['timeline'])).toThrow(/usage: auditor timeline <referralId>/);
    for (const argv of [['export', '--referal', 'x'], ['frobnicate']]) {
      try {
        parseCommandLine(argv);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    }
  });

  it('gives help for everything or one command, whatever else is on the line', () => {
    expect(parseCommandLine([])).toEqual({ help: true, positional: [], flags: {} });
    expect(parseCommandLine(['--help'])).toEqual({ help: true, positional: [], flags: {} });
    expect(parseCommandLine(['export', '--help'])).toMatchObject({ help: true, command: { name: 'export' } });
    expect(helpText()).toContain('timeline <referralId>');
    expect(helpText()).toContain('export --format csv|ndjson');
    expect(helpText(parseCommandLine(['events', '-h']).command)).toMatch(/^usage: auditor events/);
  });
});

describe('the auditor CLI’s progress', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (text: string) => written.push(text) } };
  };

  it('says how far and how long is left, capped below 100% until the end', () => {
    expect(progressLine('export', 4000, 10_000, 0.4)).toBe('export: 4,000 events · 40% · about 15 s left');
    expect(progressLine('export', 9000, 90_000, 1.2)).toBe('export: 9,000 events · 99% · about 1 s left');
    expect(progressLine('export', 300, 60_000, 0.1)).toBe('export: 300 events · 10% · about 9 min 0 s left');
    expect(progressLine('export', 3000, 2000)).toBe('export: 3,000 events · 1,500/s');
  });

  it('draws the live line on a terminal only; a pipe or a log gets the summary alone', () => {
    let clock = 0;
    const tty = recorder(true);
    const onTty = progress('export', { total: 1000, stream: tty.stream, now: () => clock });
    clock = 1000;
    onTty.tick(250, 250);
    onTty.done(1000);
    expect(tty.written[0]).toContain('export: 250 events · 25% · about 3 s left');
    expect(tty.written.at(-1)).toMatch(/export: 1,000 events in 1\.0 s/);

    const pipe = recorder(false);
    const onPipe = progress('export', { total: 1000, stream: pipe.stream, now: () => clock });
    clock = 5000;
    onPipe.tick(500, 500);
    onPipe.done(1000);
    expect(pipe.written).toEqual(['export: 1,000 events in 4.0 s (250/s)\n']);
  });
});

describe('the auditor CLI’s ledger lines', () => {
  it('finds the sequence of a CSV record and of an NDJSON line', () => {
    expect(sequenceOf('42,"e1",referral-events,0,7,referral.submitted\r')).toBe(42);
    expect(sequenceOf('{"sequence":17,"eventId":"e"}')).toBe(17);
    expect(sequenceOf('sequence,eventId,topic')).toBeUndefined();
  });

  it('writes an event as one readable line: when, what, who, where in the ledger', () => {
    const item: LedgerItem = {
      sequence: 9,
      eventType: 'referral.submitted',
      occurredAt: '2026-12-01T09:00:00.000Z',
      recordedAt: '2026-12-01T09:00:01.000Z',
      aggregateId: 'a',
      referralId: 'r',
      event: { actor: { sub: 'p-1', role: 'prosecutor', org: 'o-1' } },
    };
    expect(readableLine(item)).toBe(
      `2026-12-01T09:00:00.000Z  ${'referral.submitted'.padEnd(32)}  prosecutor p-1 (o-1)  #9`,
    );
  });
});
