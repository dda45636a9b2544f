/**
 * The objects the security matrix points its requests at, built through the public APIs: two
 * offices and two partners (one "ours", one "other"), and referrals at the stages the
 * endpoints need — completed (without consent to share terms), an open prepared case, a
 * pending offer, one to withdraw and erase, one awaiting review.
 */
import type { RunningPlatform } from '../platform';
import {
  eventuallyBody,
  expectStatus,
  pendingOffer,
  personalDataOf,
  referralBody,
  referralStatus,
  registerOffice,
  registerPartner,
  submitReferral,
  tag,
  type Office,
  type Partner,
} from './actors';
import {
  caseStep,
  fulfil,
  holdDialogueAndAgree,
  inMinutes,
  openCase,
  prepare,
  recordAgreement,
  registerMediator,
  TERMS,
  type Mediator,
  type OpenCase,
} from './mediation';

export interface SecurityWorld {
  admin: string;
  auditor: string;
  office: Office;
  otherOffice: Office;
  partner: Partner;
  otherPartner: Partner;
  mediator: Mediator;
  idleMediator: Mediator;
  otherMediator: Mediator;
  spareMediatorSub: string;
  /** A verified credential of the spare mediator (verifying it again is harmless). */
  sparePracticeRecordId: string;
  completed: OpenCase & { agreementId: string; termId: string; followUpId: string; offerId: string };
  active: OpenCase & { sessionId: string; sessionToCancelId: string };
  pendingOfferId: string;
  toWithdraw: string;
  toReview: string;
  dataKeyOf: (referralId: string) => Promise<string>;
  /** Plaintexts by who may see them (see security-matrix.e2e-spec.ts). */
  secrets: {
    accepted: string[];
    pending: string[];
    note: string;
    riskFactor: string;
    termDescription: string;
    completedHarmedName: string;
    activeHarmedName: string;
  };
}

export async function buildSecurityWorld(platform: RunningPlatform): Promise<SecurityWorld> {
  const admin = platform.token('admin', null, 'admin-security');
  const auditor = platform.token('auditor', null, 'auditor-security');
  const office = await registerOffice(platform, admin);
  const otherOffice = await registerOffice(platform, admin);
  const partner = await registerPartner(platform, admin, office.jurisdiction);
  const otherPartner = await registerPartner(platform, admin, otherOffice.jurisdiction);
  const mediator = await registerMediator(platform, partner);
  const idleMediator = await registerMediator(platform, partner);
  const otherMediator = await registerMediator(platform, otherPartner);
  const spare = await registerMediator(platform, partner);
  const spareMediatorSub = spare.mediatorSub;
  const t = tag();
  const note = `Confidential: he cried when he apologised ${t}`;
  const riskFactor = `fear_of_retaliation_${t}`;
  const termDescription = `letter-${t}`;

  // Completed, but the parties did not consent to share term details with the prosecutor.
  const completedBody = referralBody(office.jurisdiction);
  const completedId = (await submitReferral(platform, office, completedBody)).id;
  const completedOfferId = (await pendingOffer(platform, partner, completedId)).id;
  const completed = await openCase(platform, partner, completedId, mediator);
  await prepare(platform, completed);
  await holdDialogueAndAgree(platform, completed);
  const agreement = await recordAgreement(platform, completed, TERMS(termDescription));
  await fulfil(platform, completed, agreement);
  await referralStatus(platform, office, completedId, 'completed');
  const followUps = await eventuallyBody(
    platform,
    'outcome-tracking',
    '/api/follow-ups',
    office.prosecutor,
    (b: any) => b.items.some((f: any) => f.referralId === completedId),
    'due follow-up',
  );

  // Open and prepared, with a note, a confidential risk factor and two future sessions.
  const activeBody = referralBody(office.jurisdiction);
  const activeId = (await submitReferral(platform, office, activeBody)).id;
  const active = await openCase(platform, partner, activeId, mediator);
  await prepare(platform, active, 'proceed', 12);
  expectStatus(
    await caseStep(platform, active, '/risk-assessments', {
      participantId: active.harmedId,
      outcome: 'proceed',
      factors: [riskFactor],
    }),
    201,
    'risk with factor',
  );
  expectStatus(await caseStep(platform, active, '/notes', { text: note }), 201, 'note');
  const session = (at: number) => ({
    kind: 'joint_dialogue',
    startsAt: inMinutes(at),
    endsAt: inMinutes(at + 60),
    location: 'Community centre',
    participantIds: [active.harmedId, active.responsibleId],
    mediatorIds: [active.mediatorSub],
  });
  const sessionId = expectStatus(
    await caseStep(platform, active, '/sessions', session(7 * 24 * 60)),
    201,
    'future session',
  ).body.id;
  const sessionToCancelId = expectStatus(
    await caseStep(platform, active, '/sessions', session(8 * 24 * 60)),
    201,
    'session to cancel',
  ).body.id;

  // Offered and not yet answered: the partner must not see who is involved.
  const pendingBody = referralBody(office.jurisdiction);
  const pendingId = (await submitReferral(platform, office, pendingBody)).id;
  const pendingOfferId = (await pendingOffer(platform, partner, pendingId)).id;

  const toWithdraw = (await submitReferral(platform, office, referralBody(office.jurisdiction))).id;
  await referralStatus(platform, office, toWithdraw, 'offered');
  const toReview = (
    await submitReferral(platform, office, referralBody(office.jurisdiction, { protectiveOrder: true }))
  ).id;
  await referralStatus(platform, office, toReview, 'needs_review');

  return {
    admin,
    auditor,
    office,
    otherOffice,
    partner,
    otherPartner,
    mediator,
    idleMediator,
    otherMediator,
    spareMediatorSub,
    sparePracticeRecordId: spare.practiceRecordIds[0],
    completed: {
      ...completed,
      agreementId: agreement.id,
      termId: agreement.terms[0].id,
      followUpId: followUps.items.find((f: any) => f.referralId === completedId).id,
      offerId: completedOfferId,
    },
    active: { ...active, sessionId, sessionToCancelId },
    pendingOfferId,
    toWithdraw,
    toReview,
    // The auditor's view of referral.submitted names the data key (the id only, never the key).
    dataKeyOf: async (referralId) => {
      const timeline = await eventuallyBody(
        platform,
        'audit-ledger',
        `/api/audit/referrals/${referralId}/timeline`,
        auditor,
        (b: any) => b.items.length > 0,
        'timeline',
      );
      return timeline.items.find((i: any) => i.eventType === 'referral.submitted').event.data.dataKeyId;
    },
    secrets: {
      accepted: [...personalDataOf(completedBody), ...personalDataOf(activeBody)],
      pending: personalDataOf(pendingBody),
      note,
      riskFactor,
      termDescription,
      completedHarmedName: completedBody.parties[0].fullName,
      activeHarmedName: activeBody.parties[0].fullName,
    },
  };
}
