import { renderPage } from '../test/render';
import type { VerificationView } from './api-shapes';
import { eventLine } from './ledger-words';

const auditor = { user: { name: 'Ada Auditor', role: 'auditor' } };
const REFERRAL = '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';
const run = (overrides: Partial<VerificationView>): VerificationView => ({
  id: '0193a000-0000-7000-8000-000000000001',
  status: 'running',
  fromSequence: 0,
  checked: 0,
  total: 500,
  ratePerSecond: 0,
  secondsLeft: null,
  startedAt: '2026-12-06T10:00:00.000Z',
  finishedAt: null,
  ...overrides,
});
const line = (sequence: number, eventType: string) =>
  eventLine({
    sequence,
    eventId: `e${sequence}`,
    topic: 't',
    eventType,
    aggregateId: REFERRAL,
    referralId: REFERRAL,
    occurredAt: `2026-12-0${sequence}T10:00:00.000Z`,
    recordedAt: `2026-12-0${sequence}T10:00:01.000Z`,
    prevHash: '0'.repeat(64),
    hash: 'ab'.repeat(32),
    event: { type: eventType, actor: { sub: 'prosecutor-1', role: 'prosecutor', org: null }, data: {} },
  });

describe('the verification page', () => {
  it('with a tampered ledger (a failed verification), names the first broken sequence and links to it', async () => {
    const html = await renderPage('pages/auditor/verification.njk', {
      ...auditor,
      title: 'Verification finished',
      run: run({ status: 'failed', checked: 41, firstBrokenSequence: 42, finishedAt: '2026-12-06T10:00:02.000Z' }),
      refreshSeconds: null,
    });
    expect(html).toContain('The chain is broken');
    expect(html).toContain('<strong id="first-broken-sequence">42</strong>');
    expect(html).toContain('href="/audit/events?cursor=41"');
    expect(html).toContain('>Broken</strong>');
    expect(html).not.toContain('fetch(window.location.href');
  });

  it('while running, shows progress and updates itself with a script carrying the nonce, and a link without one', async () => {
    const html = await renderPage('pages/auditor/verification.njk', {
      ...auditor,
      title: 'Verifying the ledger',
      run: run({ checked: 250, ratePerSecond: 125, secondsLeft: 2 }),
      refreshSeconds: 2,
    });
    expect(html).toContain('250 of 500 (50%)');
    expect(html).toContain('125 events a second');
    expect(html).toContain('about 2 seconds');
    expect(html).toContain('fetch(window.location.href');
    expect(html).toContain('Check progress now');
    expect(html).not.toContain('http-equiv="refresh"');
  });

  it('when intact, says so with the number of events checked', async () => {
    const html = await renderPage('pages/auditor/verification.njk', {
      ...auditor,
      title: 'Verification finished',
      run: run({ status: 'passed', checked: 500, finishedAt: '2026-12-06T10:00:02.000Z' }),
      refreshSeconds: null,
    });
    expect(html).toContain('The chain is intact');
    expect(html).not.toContain('first-broken-sequence');
  });
});

describe('the other auditor pages render', () => {
  it('the timeline: the story in the MOJ timeline, the reads apart', async () => {
    const html = await renderPage('pages/auditor/timeline.njk', {
      ...auditor,
      title: 'Referral timeline',
      referralId: REFERRAL,
      story: [line(1, 'referral.submitted')],
      access: [line(2, 'personal_data.read')],
    });
    expect(html).toContain('moj-timeline');
    expect(html).toContain('The referral was submitted');
    expect(html.indexOf('Someone read personal data')).toBeGreaterThan(html.indexOf('Who read it'));
    expect(html).not.toContain('Later events');
  });

  it('the timeline of a long case: a page at a time, with a link to the later events', async () => {
    const html = await renderPage('pages/auditor/timeline.njk', {
      ...auditor,
      title: 'Referral timeline',
      referralId: REFERRAL,
      story: [line(1, 'referral.submitted')],
      access: [],
      laterEvents: `/audit/referrals/${REFERRAL}?cursor=500`,
      firstPage: null,
    });
    expect(html).toContain(`href="/audit/referrals/${REFERRAL}?cursor=500"`);
    expect(html).toContain('Later events');
  });

  it('the search, the state at a moment and the checkpoints', async () => {
    const events = await renderPage('pages/auditor/events.njk', {
      ...auditor,
      title: 'Search the ledger',
      errors: [],
      problems: {},
      filters: {},
      typeChoices: [{ value: '', text: 'Any event' }],
      lines: [line(1, 'referral.submitted')],
      csvUrl: '/audit/events/export?format=csv',
      ndjsonUrl: '/audit/events/export?format=ndjson',
    });
    expect(events).toContain('abababababababab<wbr>');
    const state = await renderPage('pages/auditor/state.njk', {
      ...auditor,
      title: 'State at a moment',
      referralId: REFERRAL,
      moment: { date: '2026-12-01', time: '12:00', at: '2026-12-01T12:00:59.999Z' },
      lines: [line(1, 'referral.submitted')],
      then: { at: '2026-12-01T12:00:59.999Z', eventsApplied: 1, state: { referral: { status: 'offered' } } },
      rows: [{ label: 'Referral › status', then: 'offered', now: 'assigned', changed: true }],
      since: [line(2, 'offer.accepted')],
    });
    expect(state).toContain('The referral was <strong>offered to a programme</strong>');
    expect(state).toContain('a programme accepted the case');
    const checkpoints = await renderPage('pages/auditor/checkpoints.njk', {
      ...auditor,
      title: 'Signed checkpoints',
      key: { publicKeyId: 'k1', publicKey: 'PUBKEY', algorithm: 'Ed25519' },
      checkpoints: [
        {
          sequence: 9,
          hash: 'c'.repeat(64),
          at: '2026-12-01T00:00:00Z',
          signature: 's',
          publicKeyId: 'k1',
          signatureValid: false,
          matchesLedger: true,
        },
      ],
    });
    expect(checkpoints).toContain('Not ours');
    expect(checkpoints).toContain('<code id="public-key">PUBKEY</code>');
    expect(checkpoints).toContain('npm run auditor -- checkpoint verify checkpoint.json --public-key "$RJ_PUBLIC_KEY"');
  });
});
