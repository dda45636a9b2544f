import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isSubmissionContextChanged, submissionStatement, type SubmissionContext } from '@rj/referral/data-access';
import { referralRuleProblems } from '@rj/referral/domain';
import type { Principal } from '@rj/shared/auth';
import { Forbidden } from '@rj/shared/contracts';
import { OUTBOX_CHANNEL, outboxInsert } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { Clock, ProblemException, ValidationProblem } from '@rj/shared/service';
import { Idempotency, type IdempotentRequest, type StoredAnswer } from '../idempotency/idempotency';
import { KeyStore } from '../key-store/key-store';
import type { CreateReferralDto } from './dto/create-referral.dto';
import {
  CaseNumberAlreadyReferred,
  isCaseNumberTaken,
  officeSubmissionsLock,
  referralWithCaseNumber,
} from './office-case-numbers';
import { draftReferral } from './referral-draft';
import { CaseNumberIndexer } from './search/case-number-index-key';
import { SubmissionContexts } from './submission-contexts';
import type { SubmittedReferralView } from './referral-views';

/** Preparing again after the office's context changed under a submission: a third change in a row gives up. */
const CONTEXT_ATTEMPTS = 3;

/** 503: the office's jurisdictions or policy kept changing while the referral was written; nothing was. */
class SubmissionContextChanging extends ProblemException {
  constructor() {
    super({
      type: 'urn:rj:problem:submission-context-changing',
      title: 'Submission context changing',
      status: 503,
      detail:
        "The office's jurisdictions or the jurisdiction's screening policy changed while the referral was written, three times; nothing was stored. Send it again.",
    });
  }
}

/**
 * `POST /api/referrals`: a prosecutor submits for a jurisdiction of its office; the
 * jurisdiction's policy screens it at once. Personal data is encrypted under a new data key
 * before anything is written; the referral, its parties, its key, its first status changes,
 * `referral.submitted` and `referral.screened` commit in one transaction. An office refers a case
 * number once (409 `case_number_already_referred`, as the bulk import skips one it has): the
 * database's unique index holds the rule, for concurrent submissions too. Without an
 * Idempotency-Key the whole submission is one statement, one round trip (issue 15): the office's
 * context comes from memory, and the statement refuses it if it changed, to be read afresh.
 */
@Injectable()
export class SubmitReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly contexts: SubmissionContexts,
    private readonly keys: KeyStore,
    private readonly idempotency: Idempotency,
    private readonly caseNumbers: CaseNumberIndexer,
    private readonly clock: Clock,
  ) {}

  async submit(
    principal: Principal,
    dto: CreateReferralDto,
    idempotent?: IdempotentRequest,
  ): Promise<StoredAnswer<SubmittedReferralView>> {
    for (let attempt = 1; ; attempt++) {
      // The first attempt may use the context kept in memory; the statement checks it.
      const context = await this.contexts.of(principal.org, dto.jurisdiction, { fresh: attempt > 1 });
      try {
        return await this.submitWith(context, principal, dto, idempotent);
      } catch (error) {
        if (!isSubmissionContextChanged(error)) throw error;
        if (attempt === CONTEXT_ATTEMPTS) throw new SubmissionContextChanging();
      }
    }
  }

  private async submitWith(
    context: SubmissionContext | null,
    principal: Principal,
    dto: CreateReferralDto,
    idempotent?: IdempotentRequest,
  ): Promise<StoredAnswer<SubmittedReferralView>> {
    if (!context)
      throw new Forbidden("the caller's organisation is not a registered prosecutor's office", {
        rule: 'submit_from_registered_office',
      });
    if (!context.jurisdictions.includes(dto.jurisdiction)) {
      throw new Forbidden(`the office may not submit for jurisdiction ${dto.jurisdiction}`, {
        rule: 'submit_for_own_jurisdiction',
      });
    }
    const problems = referralRuleProblems(dto, () => this.clock.now());
    if (problems.length) throw new ValidationProblem(problems);

    const draft = draftReferral(dto, {
      principal,
      context,
      keys: this.keys,
      caseNumberIndex: this.caseNumbers.indexOf(dto.caseNumber),
      now: this.clock.now(),
    });
    const answer = { status: 201, body: draft.view };

    const caseNumberIndex = draft.rows.referral.caseNumberIndex as string;
    // Rows, events, the relay's wake-up and (under a key) the stored answer: one statement.
    const statement = submissionStatement(draft.rows, {
      sharedLock: officeSubmissionsLock(context.officeId),
      notifyChannel: OUTBOX_CHANNEL,
      alongside: (first) => {
        const outbox = outboxInsert(draft.events, first);
        if (!idempotent) return [outbox];
        const next = first + outbox.values.length;
        return [outbox, this.idempotency.recordAlongside(idempotent, draft.referralId, answer, next)];
      },
    });
    try {
      // Without a key the statement is its own transaction: one round trip for the whole write.
      if (!idempotent) {
        await this.dataSource.query(statement.sql, statement.parameters);
        return answer;
      }
      return await withTransaction(this.dataSource, async (manager) => {
        // A repeat under its Idempotency-Key gets the first answer, even though its case number is now taken.
        const replay = await this.idempotency.claim<SubmittedReferralView>(manager, idempotent);
        if (replay) return replay;
        await manager.query(statement.sql, statement.parameters);
        return answer;
      });
    } catch (error) {
      // The office referred this case number before (or a concurrent submission of it committed
      // first): the unique index refused the referral and nothing was written.
      if (!isCaseNumberTaken(error)) throw error;
      throw new CaseNumberAlreadyReferred(
        await referralWithCaseNumber(this.dataSource.manager, context.officeId, caseNumberIndex),
      );
    }
  }
}
