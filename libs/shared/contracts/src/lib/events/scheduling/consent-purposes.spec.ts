import { checkEnvelope } from '../../envelope-schema';
import { sampleEvent } from '../samples';
import { CONSENT_PURPOSES, RECORDABLE_CONSENT_PURPOSES } from '../vocabulary';

/**
 * `feedback` (issue 20) is a contract change made in two steps: every consumer accepts a
 * consent.recorded carrying it (the schema below, and each consumer's own test) before the
 * producer records it (RECORDABLE_CONSENT_PURPOSES).
 */
describe('consent purposes', () => {
  it('accepts a consent.recorded for feedback, as every consumer validates on receipt', () => {
    const event = sampleEvent('consent.recorded');
    event.data.purpose = 'feedback';
    expect(checkEnvelope(JSON.parse(JSON.stringify(event)))).toMatchObject({ ok: true });
  });

  it('still refuses a purpose nobody knows', () => {
    const event = sampleEvent('consent.recorded');
    (event.data as { purpose: string }).purpose = 'marketing';
    expect(checkEnvelope(JSON.parse(JSON.stringify(event))).ok).toBe(false);
  });

  it('lets mediators record only purposes every consumer already accepts', () => {
    for (const purpose of RECORDABLE_CONSENT_PURPOSES) expect(CONSENT_PURPOSES).toContain(purpose);
  });
});
