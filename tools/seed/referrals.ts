/**
 * Builds the body of a demo referral (the shape intake accepts) from a short description of
 * the case: who refers it, for which offence, at which stage, and a pair of fictional people.
 */
import { fictionalPerson } from './people';

export type Source = 'prosecutor' | 'police' | 'court' | 'probation' | 'victim_request';
export type Stage = 'pre_charge' | 'pre_trial' | 'post_conviction';

export interface ReferralFacts {
  source: Source;
  offense: { code: string; category: string; severity: 'infraction' | 'misdemeanor' | 'felony'; description: string };
  stage: Stage;
  protectiveOrder?: boolean;
  incidentDaysAgo: number;
  reportBackInDays: number;
  languages: { harmed: string; responsible: string };
  /** The person responsible is 16: a guardian is named and consents too. */
  responsibleIsMinor?: boolean;
  harmedNeedsInterpreter?: boolean;
  /** The person harmed may only be phoned (no e-mail). */
  harmedPhoneOnly?: boolean;
  withCounsel?: boolean;
}

const DAY_MS = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** `DEMO-2026-0007`, with the run's suffix when seeding again. */
export function demoCaseNumber(year: number, number: number, suffix: string): string {
  const base = `DEMO-${year}-${String(number).padStart(4, '0')}`;
  return suffix ? `${base}-${suffix}` : base;
}

/** The referral body; `number` picks the people (two per referral, plus a guardian or counsel). */
export function referralBody(
  facts: ReferralFacts,
  input: { number: number; caseNumber: string; jurisdiction: string; now: Date },
) {
  const now = input.now.getTime();
  const harmed = fictionalPerson(input.number * 2);
  const responsible = fictionalPerson(input.number * 2 + 1);
  const representative = fictionalPerson(60 + input.number);
  const birthYear = input.now.getUTCFullYear();
  return {
    source: facts.source,
    caseNumber: input.caseNumber,
    jurisdiction: input.jurisdiction,
    offense: facts.offense,
    incidentDate: isoDate(now - facts.incidentDaysAgo * DAY_MS),
    stage: facts.stage,
    protectiveOrder: facts.protectiveOrder ?? false,
    reportBackBy: isoDate(now + facts.reportBackInDays * DAY_MS),
    parties: [
      {
        role: 'harmed',
        fullName: harmed.fullName,
        dateOfBirth: `${birthYear - 30 - (input.number % 25)}-0${1 + (input.number % 9)}-1${input.number % 10}`,
        minor: false,
        contact: facts.harmedPhoneOnly
          ? { phone: harmed.phone, safeChannels: ['phone'] }
          : { email: harmed.email, phone: harmed.phone, safeChannels: ['email', 'sms'] },
        preferredLanguage: facts.languages.harmed,
        interpreter: facts.harmedNeedsInterpreter ?? false,
        ...(input.number % 5 === 0 ? { accessibilityNeeds: 'Step-free access to the meeting room.' } : {}),
      },
      {
        role: 'responsible',
        fullName: responsible.fullName,
        dateOfBirth: facts.responsibleIsMinor
          ? `${birthYear - 16}-03-14`
          : `${birthYear - 19 - (input.number % 15)}-1${input.number % 3}-0${1 + (input.number % 9)}`,
        minor: facts.responsibleIsMinor ?? false,
        ...(facts.responsibleIsMinor
          ? {
              guardian: {
                fullName: representative.fullName,
                contact: { email: representative.email, safeChannels: ['email'] },
              },
            }
          : {}),
        contact: { email: responsible.email, safeChannels: ['email'] },
        preferredLanguage: facts.languages.responsible,
        interpreter: false,
        ...(facts.withCounsel
          ? {
              counsel: {
                fullName: `${representative.fullName} (counsel)`,
                contact: { email: representative.email, safeChannels: ['email'] },
              },
            }
          : {}),
      },
    ],
    notes: 'Demo referral: every person and fact in it is invented.',
  };
}

export type ReferralBody = ReturnType<typeof referralBody>;
