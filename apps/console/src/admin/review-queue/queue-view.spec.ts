import { ApiRefused } from '../../platform/api-client';
import type { ReferralSummary } from '../../prosecutor/api-shapes';
import { explainFailure } from '../forms/refusal';
import { renderPage } from '../test/render-page';
import {
  askedBy,
  isOverrideRequest,
  queueRows,
  reasonsInWords,
  REVIEW_LABELS,
  reviewBody,
  reviewFormFrom,
  secondApprovalCategory,
  type OverrideRequest,
} from './queue-view';

const REFERRAL_ID = '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';

function referral(rules: Partial<ReferralSummary> = {}): ReferralSummary {
  return {
    id: REFERRAL_ID,
    officeId: '1b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11',
    status: 'ineligible',
    source: 'prosecutor',
    jurisdiction: 'NL-NH',
    offense: { code: 'SR-300', category: 'domestic_violence', severity: 'misdemeanor' },
    incidentDate: '2026-10-01',
    stage: 'pre_trial',
    protectiveOrder: true,
    reportBackBy: '2027-01-15',
    screeningOutcome: 'ineligible',
    screeningReasons: [
      { rule: 'excluded_offense_category', detail: 'domestic_violence' },
      { rule: 'protective_order_review', detail: 'protective_order' },
    ],
    requiresSpecialist: false,
    partnerId: null,
    caseId: null,
    submittedAt: '2026-12-01T09:00:00.000Z',
    personalDataErasedAt: null,
    ...rules,
  };
}

function request(rules: Partial<OverrideRequest> = {}): OverrideRequest {
  return {
    id: '2b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11',
    referralId: REFERRAL_ID,
    status: 'pending',
    category: 'domestic_violence',
    requestedBy: 'admin-one',
    requestedAt: '2026-12-05T10:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
    referral: referral(),
    ...rules,
  };
}

describe('the review queue', () => {
  it('says each screening reason in words, with what it is about', () => {
    expect(reasonsInWords(referral().screeningReasons)).toEqual([
      { sentence: 'The jurisdiction’s policy excludes this category of offence.', about: 'Domestic violence' },
      { sentence: 'A protective order is in place, so a person must review the referral.', about: '' },
    ]);
    expect(reasonsInWords([{ rule: 'stage_not_allowed', detail: 'pre_charge' }])[0].about).toBe('Before charge');
  });

  it('knows which overrides need a second administrator, and only for a screened-out referral', () => {
    expect(secondApprovalCategory(referral())).toBe('domestic_violence');
    expect(
      secondApprovalCategory(
        referral({ screeningReasons: [{ rule: 'excluded_offense_category', detail: 'robbery' }] }),
      ),
    ).toBeUndefined();
    expect(secondApprovalCategory(referral({ status: 'needs_review' }))).toBeUndefined();
  });

  it('tells a pending override request from a decided referral in the review’s answer', () => {
    expect(isOverrideRequest(request())).toBe(true);
    expect(isOverrideRequest(referral({ status: 'matching' }))).toBe(false);
  });

  it('marks a queued referral whose override is already waiting, so nobody asks twice', () => {
    const [row] = queueRows([referral()], [request()]);
    expect(row.pendingRequestId).toBe(request().id);
    expect(row.needsSecondApproval).toBe(true);
    expect(queueRows([referral()], [])[0].pendingRequestId).toBeUndefined();
  });

  it('sends the decision and the trimmed reason; nothing chosen is sent empty for the service to name', () => {
    expect(
      reviewBody(reviewFormFrom({ decision: 'eligible', reason: '  Victim asked for it.  ', extra: 'x' })),
    ).toEqual({ decision: 'eligible', reason: 'Victim asked for it.' });
    expect(reviewBody(reviewFormFrom({}))).toEqual({ decision: '', reason: '' });
  });

  it('says whether the reader asked for the override', () => {
    expect(askedBy(request(), 'admin-one')).toBe('you');
    expect(askedBy(request(), 'admin-two')).toBe('another');
  });

  it('shows the queue with facts and reasons in words, never a raw code, and the pending approvals first', async () => {
    const html = await renderPage('pages/admin/review-queue/queue.njk', {
      approvals: [{ ...request(), askedBy: 'another', reasons: [] }],
      needsReview: queueRows(
        [
          referral({
            status: 'needs_review',
            offense: { code: 'SR-1', category: 'assault', severity: 'felony' },
            screeningReasons: [{ rule: 'review_offense_category', detail: 'assault' }],
          }),
        ],
        [],
      ),
      screenedOut: queueRows([referral()], [request()]),
    });
    expect(html).toContain('<title>Review queue');
    expect(html.indexOf('Overrides waiting')).toBeLessThan(html.indexOf('Referrals that need a review'));
    expect(html).toContain(`href="/admin/review-queue/approvals/${request().id}"`);
    expect(html).toContain('Approve or reject');
    expect(html).toContain(`href="/admin/review-queue/${REFERRAL_ID}"`);
    expect(html).toContain('The jurisdiction’s policy asks for a review of this category of offence.');
    expect(html).toContain('Waiting for approval');
    expect(html).not.toMatch(/>[^<]*\b(domestic_violence|needs_review|excluded_offense_category|pre_trial)\b/);
  });

  it('re-renders the decision with the reason as typed and the service’s sentence when it refuses', async () => {
    const failure = explainFailure(
      new ApiRefused(
        {
          status: 400,
          errors: [{ field: 'decision', message: 'must be one of the following values: eligible, ineligible' }],
        },
        'c',
      ),
      REVIEW_LABELS,
      { fallbackId: 'reason' },
    );
    const r = referral({ status: 'needs_review' });
    const html = await renderPage('pages/admin/review-queue/decide.njk', {
      referral: r,
      override: false,
      reasons: reasonsInWords(r.screeningReasons),
      form: { reason: 'Typed <reason>' },
      errors: failure?.errors,
    });
    expect(html).toContain('href="#decision">Decision needs one of the choices offered');
    expect(html).toContain('Typed &lt;reason&gt;</textarea>');
    expect(html).toContain('name="decision" type="radio" value="eligible"');
  });

  it('warns before an override that needs a second administrator', async () => {
    const html = await renderPage('pages/admin/review-queue/decide.njk', {
      referral: referral(),
      override: true,
      reasons: reasonsInWords(referral().screeningReasons),
      secondApprovalCategory: 'domestic_violence',
      form: { decision: 'eligible' },
    });
    expect(html).toContain('<input type="hidden" name="decision" value="eligible">');
    expect(html).toContain('Nothing changes until another administrator approves your override.');
    expect(html).toContain('Ask for approval of the override');
  });

  it('shows the service’s sentence when the asking administrator tries to approve', async () => {
    const sentence =
      'You asked for this override yourself, so you cannot also approve it. Another admin has to approve it.';
    const failure = explainFailure(
      new ApiRefused({ status: 409, detail: sentence }, 'c'),
      {},
      { fallbackId: 'decide' },
    );
    const html = await renderPage('pages/admin/review-queue/approval.njk', {
      request: { ...request(), reason: 'Both asked for a dialogue.' },
      referral: referral(),
      askedBy: 'you',
      reasons: reasonsInWords(referral().screeningReasons),
      errors: failure?.errors,
    });
    expect(html).toContain(`href="#decide">${sentence}`);
    expect(html).toContain('Both asked for a dialogue.');
    expect(html).toContain(`action="/admin/review-queue/approvals/${request().id}/approve"`);
  });
});
