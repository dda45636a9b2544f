/**
 * Valid, distinct referral bodies for the benchmark: each request carries names, addresses and
 * a case number of its own (so nothing is cached or deduplicated anywhere), the size and shape
 * of a typical referral: two parties, a guardian for the minor, counsel, free text.
 */
export function referralBodyText(n: number, jurisdiction: string): string {
  const tag = `${process.pid}-${n}`;
  return JSON.stringify({
    source: 'prosecutor',
    caseNumber: `PARKET-2025-${tag}`,
    jurisdiction,
    offense: {
      code: 'SR-350',
      category: 'property_damage',
      severity: 'misdemeanor',
      description: `Broke the window of a shop on the main street, case ${tag}`,
    },
    incidentDate: '2025-01-15',
    stage: 'pre_trial',
    protectiveOrder: n % 10 === 0,
    reportBackBy: '2099-09-30',
    parties: [
      {
        role: 'harmed',
        fullName: `Anna de Vries ${tag}`,
        dateOfBirth: '1980-04-02',
        minor: false,
        contact: { email: `anna.${tag}@example.org`, phone: '+31 6 12345678', safeChannels: ['email', 'sms'] },
        preferredLanguage: 'nl',
        interpreter: false,
        accessibilityNeeds: 'Step-free access to the meeting room',
      },
      {
        role: 'responsible',
        fullName: `Tom Jansen ${tag}`,
        dateOfBirth: '2009-06-01',
        minor: true,
        guardian: {
          fullName: `Els Jansen ${tag}`,
          contact: { email: `els.${tag}@example.org`, safeChannels: ['email'] },
        },
        contact: { phone: '+31 6 87654321', safeChannels: ['phone'] },
        preferredLanguage: 'en',
        interpreter: true,
        counsel: {
          fullName: `Mr. P. Bakker ${tag}`,
          contact: { email: `bakker.${tag}@law.example`, safeChannels: ['email'] },
        },
      },
    ],
    notes: `The harmed party asked for a quiet room and an afternoon appointment (${tag}).`,
  });
}
