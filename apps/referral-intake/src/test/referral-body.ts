import { randomUUID } from 'node:crypto';

/** A valid referral body (api.md) with names and addresses unique to this call, for plaintext searches. */
export function referralBody(overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  return {
    source: 'prosecutor',
    caseNumber: `PARKET-${tag}`,
    jurisdiction: 'NL-NH',
    offense: {
      code: 'SR-350',
      category: 'property_damage',
      severity: 'misdemeanor',
      description: `Smashed the shop window ${tag}`,
    },
    incidentDate: '2025-01-15',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2099-09-30',
    parties: [
      {
        role: 'harmed',
        fullName: `Anna Harmed ${tag}`,
        dateOfBirth: '1980-04-02',
        minor: false,
        contact: { email: `anna.${tag}@example.org`, phone: '+31 6 11111111', safeChannels: ['email'] },
        preferredLanguage: 'nl',
        interpreter: false,
        accessibilityNeeds: `Wheelchair access ${tag}`,
      },
      {
        role: 'responsible',
        fullName: `Tom Responsible ${tag}`,
        minor: true,
        guardian: {
          fullName: `Els Guardian ${tag}`,
          contact: { email: `els.${tag}@example.org`, safeChannels: ['email'] },
        },
        contact: { phone: '+31 6 22222222', safeChannels: ['phone'] },
        preferredLanguage: 'en',
        interpreter: true,
        counsel: {
          fullName: `Mr Counsel ${tag}`,
          contact: { email: `counsel.${tag}@law.example`, safeChannels: ['email'] },
        },
      },
    ],
    notes: `Asked for a quiet room ${tag}`,
    ...overrides,
  };
}

/** Every plaintext of personal data in a body made by referralBody (to search raw rows and messages for). */
export function plaintextsOf(body: ReturnType<typeof referralBody>): string[] {
  const [harmed, responsible] = body.parties as any[];
  return [
    body.caseNumber,
    (body.offense as any).description,
    body.notes,
    harmed.fullName,
    harmed.contact.email,
    harmed.accessibilityNeeds,
    responsible.fullName,
    responsible.guardian.fullName,
    responsible.guardian.contact.email,
    responsible.counsel.fullName,
    responsible.counsel.contact.email,
  ];
}
