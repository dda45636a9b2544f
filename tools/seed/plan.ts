/**
 * The demo's referrals: 24 cases across both offices, in every state a newcomer should see,
 * more of them in the early states. Numbers run from the oldest story to the newest, so
 * DEMO-<year>-0001 is a completed case and the last ones were submitted a moment ago. Two
 * open cases report back within two weeks, so the prosecutor sees deadlines at risk.
 */
import type { AgreementKind, ReturnReason } from './journeys/agreement';
import type { PreparationStage } from './journeys/in-preparation';
import type { ReferralFacts } from './referrals';

export type Journey =
  | { state: 'completed'; shareTerms: boolean }
  | { state: 'returned'; why: ReturnReason }
  | { state: 'agreement_running'; terms: AgreementKind }
  | { state: 'in_preparation'; stage: PreparationStage }
  | { state: 'withdrawn' }
  | { state: 'unmatched' }
  | { state: 'offered' }
  | { state: 'in_review' }
  | { state: 'screened_out' }
  | { state: 'new' };

export type DemoState = Journey['state'];

export interface PlannedReferral {
  number: number;
  office: 'north' | 'south';
  journey: Journey;
  facts: ReferralFacts;
  /** An excluded category the admin overrides, so that only the specialist partner gets it. */
  specialist?: boolean;
  /** The slug of the partner's mediator who takes the case. */
  mediator?: string;
}

const en = { harmed: 'en', responsible: 'en' };

type Offense = readonly [
  code: string,
  category: string,
  severity: ReferralFacts['offense']['severity'],
  description: string,
];

function facts(offense: Offense, extra: Partial<ReferralFacts> = {}): ReferralFacts {
  const [code, category, severity, description] = offense;
  return {
    source: 'prosecutor',
    offense: { code, category, severity, description },
    stage: 'pre_trial',
    incidentDaysAgo: 60,
    reportBackInDays: 120,
    languages: en,
    ...extra,
  };
}

const SHOP_THEFT: Offense = ['DEMO-310', 'theft', 'misdemeanor', 'Took goods from a corner shop (invented).'];
const WINDOW: Offense = ['DEMO-350', 'property_damage', 'misdemeanor', 'Broke a bus shelter window (invented).'];
const GRAFFITI: Offense = [
  'DEMO-351',
  'property_damage',
  'infraction',
  'Sprayed graffiti on a school wall (invented).',
];
const SCUFFLE: Offense = [
  'DEMO-300',
  'assault',
  'misdemeanor',
  'A scuffle outside a cafe, no lasting injury (invented).',
];
const BURGLARY: Offense = ['DEMO-311', 'burglary', 'felony', 'Entered a garden shed and took tools (invented).'];
const THREAT: Offense = ['DEMO-285', 'threat', 'misdemeanor', 'Threatening messages to a neighbour (invented).'];
const HOUSEHOLD: Offense = [
  'DEMO-300A',
  'domestic_violence',
  'misdemeanor',
  'An argument at home that turned physical (invented).',
];

export const DEMO_REFERRALS: PlannedReferral[] = [
  {
    number: 1,
    office: 'north',
    journey: { state: 'completed', shareTerms: true },
    mediator: 'noor-example',
    facts: facts(SHOP_THEFT, { incidentDaysAgo: 150, withCounsel: true }),
  },
  {
    number: 2,
    office: 'south',
    journey: { state: 'completed', shareTerms: false },
    mediator: 'robin-placeholder',
    facts: facts(WINDOW, {
      incidentDaysAgo: 140,
      languages: { harmed: 'ar', responsible: 'en' },
      harmedNeedsInterpreter: true,
    }),
  },
  {
    number: 3,
    office: 'north',
    journey: { state: 'returned', why: 'participation_declined' },
    mediator: 'noor-example',
    facts: facts(SCUFFLE, { incidentDaysAgo: 120, source: 'police', stage: 'pre_charge' }),
  },
  {
    number: 4,
    office: 'south',
    journey: { state: 'returned', why: 'no_agreement' },
    mediator: 'kim-fictional',
    facts: facts(BURGLARY, { incidentDaysAgo: 110, stage: 'post_conviction', source: 'court' }),
  },
  {
    number: 5,
    office: 'north',
    journey: { state: 'returned', why: 'agreement_not_completed' },
    mediator: 'sam-sample',
    facts: facts(GRAFFITI, { incidentDaysAgo: 130 }),
  },
  {
    number: 6,
    office: 'north',
    journey: { state: 'agreement_running', terms: 'restitution' },
    mediator: 'sam-sample',
    facts: facts(SCUFFLE, {
      incidentDaysAgo: 95,
      reportBackInDays: 10,
      languages: { harmed: 'nl', responsible: 'pl' },
      withCounsel: true,
    }),
  },
  {
    number: 7,
    office: 'south',
    journey: { state: 'agreement_running', terms: 'community_service' },
    mediator: 'robin-placeholder',
    facts: facts(GRAFFITI, { incidentDaysAgo: 90, languages: { harmed: 'en', responsible: 'tr' } }),
  },
  {
    number: 8,
    office: 'north',
    journey: { state: 'in_preparation', stage: 'first_steps' },
    mediator: 'noor-example',
    facts: facts(WINDOW, { incidentDaysAgo: 45, reportBackInDays: 12, harmedPhoneOnly: true }),
  },
  {
    number: 9,
    office: 'south',
    journey: { state: 'in_preparation', stage: 'minor' },
    mediator: 'kim-fictional',
    facts: facts(SHOP_THEFT, { incidentDaysAgo: 40, responsibleIsMinor: true, source: 'police', stage: 'pre_charge' }),
  },
  {
    number: 10,
    office: 'north',
    journey: { state: 'in_preparation', stage: 'indirect_ready' },
    specialist: true,
    mediator: 'avery-specimen',
    facts: facts(HOUSEHOLD, { incidentDaysAgo: 70, source: 'victim_request' }),
  },
  { number: 11, office: 'north', journey: { state: 'withdrawn' }, facts: facts(SHOP_THEFT, { incidentDaysAgo: 35 }) },
  {
    number: 12,
    office: 'south',
    journey: { state: 'unmatched' },
    facts: facts(BURGLARY, { incidentDaysAgo: 33, stage: 'post_conviction', source: 'probation' }),
  },
  { number: 13, office: 'north', journey: { state: 'offered' }, facts: facts(WINDOW, { incidentDaysAgo: 30 }) },
  {
    number: 14,
    office: 'south',
    journey: { state: 'offered' },
    facts: facts(SCUFFLE, { incidentDaysAgo: 28, languages: { harmed: 'tr', responsible: 'tr' } }),
  },
  {
    number: 15,
    office: 'north',
    journey: { state: 'offered' },
    facts: facts(THREAT, { incidentDaysAgo: 26, protectiveOrder: true, source: 'victim_request' }),
  },
  {
    number: 16,
    office: 'south',
    journey: { state: 'offered' },
    specialist: true,
    facts: facts(HOUSEHOLD, { incidentDaysAgo: 50, source: 'victim_request' }),
  },
  {
    number: 17,
    office: 'north',
    journey: { state: 'in_review' },
    facts: facts(SCUFFLE, { incidentDaysAgo: 20, protectiveOrder: true }),
  },
  { number: 18, office: 'south', journey: { state: 'in_review' }, facts: facts(THREAT, { incidentDaysAgo: 18 }) },
  {
    number: 19,
    office: 'north',
    journey: { state: 'in_review' },
    facts: facts(BURGLARY, { incidentDaysAgo: 15, protectiveOrder: true, source: 'victim_request' }),
  },
  { number: 20, office: 'south', journey: { state: 'screened_out' }, facts: facts(HOUSEHOLD, { incidentDaysAgo: 12 }) },
  {
    number: 21,
    office: 'north',
    journey: { state: 'new' },
    facts: facts(GRAFFITI, { incidentDaysAgo: 8, source: 'police', stage: 'pre_charge' }),
  },
  {
    number: 22,
    office: 'north',
    journey: { state: 'new' },
    facts: facts(SHOP_THEFT, {
      incidentDaysAgo: 6,
      source: 'victim_request',
      languages: { harmed: 'pl', responsible: 'en' },
    }),
  },
  {
    number: 23,
    office: 'south',
    journey: { state: 'new' },
    facts: facts(WINDOW, { incidentDaysAgo: 5, source: 'court', stage: 'post_conviction' }),
  },
  {
    number: 24,
    office: 'south',
    journey: { state: 'new' },
    facts: facts(SCUFFLE, {
      incidentDaysAgo: 3,
      source: 'probation',
      stage: 'post_conviction',
      languages: { harmed: 'ar', responsible: 'en' },
    }),
  },
];
