import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { insertSubmittedReferral, loadSubmissionContext } from '@rj/referral/data-access';
import { decidedByDefaultPolicy, nextReferralStatus, referralRuleProblems, screenReferral } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { Forbidden, ReferralScreened, UUID_PATTERN, uuidv7 } from '@rj/shared/contracts';
import { appendToOutbox } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { ValidationProblem } from '@rj/shared/service';
import { CLOCK, type Clock } from '../common/clock';
import { Idempotency, type IdempotentRequest, type StoredAnswer } from '../idempotency/idempotency';
import { KeyStore } from '../key-store/key-store';
import { policyOf } from '../screening/screening-policies.service';
import type { CreateReferralDto } from './dto/create-referral.dto';
import { prepareReferral, referralRows } from './prepared-referral';
import { screeningView, type SubmittedReferralView } from './referral-views';
import { submissionEvents } from './submission-events';

/**
 * `POST /api/referrals`: a prosecutor submits for a jurisdiction of its office; the
 * jurisdiction's policy screens it at once. Personal data is encrypted under a new data key
 * before anything is written; the referral, its parties, its key, its first status changes,
 * `referral.submitted` and `referral.screened` commit in one transaction.
 */
@Injectable()
export class SubmitReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: KeyStore,
    private readonly idempotency: Idempotency,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async submit(principal: Principal, dto: CreateReferralDto, idempotent?: IdempotentRequest): Promise<StoredAnswer<SubmittedReferralView>> {
    const context = principal.org && UUID_PATTERN.test(principal.org) ? await loadSubmissionContext(this.dataSource.manager, principal.org, dto.jurisdiction) : null;
    if (!context) throw new Forbidden("the caller's organisation is not a registered prosecutor's office", { rule: 'submit_from_registered_office' });
    if (!context.jurisdictions.includes(dto.jurisdiction)) {
      throw new Forbidden(`the office may not submit for jurisdiction ${dto.jurisdiction}`, { rule: 'submit_for_own_jurisdiction' });
    }
    const problems = referralRuleProblems(dto, this.clock);
    if (problems.length) throw new ValidationProblem(problems);

    const now = this.clock();
    const referralId = uuidv7(now.getTime());
    const decision = screenReferral(dto, policyOf(context.policy));
    const key = this.keys.newDataKey(referralId, now.getTime());
    const prepared = prepareReferral(dto, { referralId, officeId: context.officeId, key, decision, now });
    const [submitted, screened] = submissionEvents(principal, prepared);
    const status = nextReferralStatus('submitted', ReferralScreened.type, { outcome: decision.outcome });
    const rows = referralRows(prepared, key, principal, status, [
      { status: 'submitted', at: now.toISOString(), cause: submitted.type, event_id: submitted.id },
      { status, at: now.toISOString(), cause: screened.type, event_id: screened.id },
    ]);
    const answer = { status: 201, body: { id: referralId, status, screening: screeningView(decision, dto.jurisdiction, decidedByDefaultPolicy(decision)) } };

    return withTransaction(this.dataSource, async (manager) => {
      const replay = idempotent && (await this.idempotency.claim<SubmittedReferralView>(manager, idempotent));
      if (replay) return replay;
      await insertSubmittedReferral(manager, rows);
      // Both events in one outbox statement, written while the new referral is ours alone.
      await appendToOutbox(manager, [submitted, screened]);
      if (idempotent) await this.idempotency.record(manager, idempotent, referralId, answer);
      return answer;
    });
  }
}
