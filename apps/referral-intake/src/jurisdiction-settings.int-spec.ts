import { JurisdictionSettingsChanged, Topics, validateEventData } from '@rj/shared/contracts';
import { eventsOf } from './test/events';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';

describe('referral-intake: versioned jurisdiction settings', () => {
  let intake: IntakeHarness;
  beforeAll(async () => {
    intake = await startIntakeHarness();
  });
  afterAll(() => intake?.close());

  it('answers the default (UTC, version 0) before any is stored, adds a version per PUT and announces each', async () => {
    const jurisdiction = `US-CA-${Date.now() % 100000}`;
    const reader = intake.as('mediator', '0190a3b4-0000-7000-8000-000000000001');
    expect(
      (await intake.request('GET', `/api/jurisdictions/${jurisdiction}/settings`, { token: reader })).body,
    ).toEqual({ jurisdiction, version: 0, timeZone: 'UTC', default: true });
    const first = await intake.request('PUT', `/api/jurisdictions/${jurisdiction}/settings`, {
      token: intake.admin,
      body: { timeZone: 'America/Los_Angeles' },
    });
    expect(first).toMatchObject({
      status: 200,
      body: { jurisdiction, version: 1, timeZone: 'America/Los_Angeles', default: false, createdBy: 'admin-1' },
    });
    const second = await intake.request('PUT', `/api/jurisdictions/${jurisdiction}/settings`, {
      token: intake.admin,
      body: { timeZone: 'America/New_York' },
    });
    expect(second.body).toMatchObject({ version: 2, timeZone: 'America/New_York' });
    expect(
      (await intake.request('GET', `/api/jurisdictions/${jurisdiction}/settings`, { token: reader })).body,
    ).toMatchObject({ version: 2, timeZone: 'America/New_York' });
    const events = await eventsOf(
      intake.topics.prefix,
      Topics.referral,
      jurisdiction,
      (found) => found.filter((e) => e.type === 'jurisdiction.settings_changed').length === 2,
    );
    const announced = events.filter((e) => e.type === 'jurisdiction.settings_changed');
    expect(announced.map((e) => e.data)).toEqual([
      { jurisdiction, version: 1, timeZone: 'America/Los_Angeles' },
      { jurisdiction, version: 2, timeZone: 'America/New_York' },
    ]);
    for (const event of announced) expect(validateEventData(JurisdictionSettingsChanged, event.data)).toEqual([]);
  });

  it('refuses a zone that is not an IANA name, and callers that are not administrators', async () => {
    const bad = await intake.request('PUT', '/api/jurisdictions/NL-NH/settings', {
      token: intake.admin,
      body: { timeZone: 'PST' },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Amsterdam' }] },
    });
    const office = await intake.registerOffice(['NL-NH']);
    expect(
      (
        await intake.request('PUT', '/api/jurisdictions/NL-NH/settings', {
          token: office.prosecutor,
          body: { timeZone: 'Europe/Amsterdam' },
        })
      ).status,
    ).toBe(403);
  });
});
