import { Clock } from '@rj/shared/service';
import { Injectable } from '@nestjs/common';
import { CaseCompleted, CaseConcluded, CaseOpened, CaseReturned } from '@rj/shared/contracts';
import { on, type Subscription } from '@rj/shared/messaging';
import { PartnerLoad } from '../partners/partner-load.service';
import { referralIdOf } from './referral-id';

/**
 * Partner load from the cases partners hold (api.md: matching consumes case.opened,
 * case.concluded, case.completed, case.returned). These come from other topics in no particular
 * order; releasing is idempotent, so whichever ending arrives first frees the capacity.
 */
@Injectable()
export class CaseEventsHandler {
  constructor(
    private readonly load: PartnerLoad,
    private readonly clock: Clock,
  ) {}

  subscriptions(): Subscription[] {
    return [
      on(CaseOpened, (event, { manager }) =>
        this.load.linkCase(manager, referralIdOf(event), event.data.offerId, event.data.caseId),
      ),
      on(
        CaseConcluded,
        async (event, { manager }) =>
          void (await this.load.release(
            manager,
            referralIdOf(event),
            'case_concluded',
            this.clock.now(),
            event.data.caseId,
          )),
      ),
      on(
        CaseCompleted,
        async (event, { manager }) =>
          void (await this.load.release(
            manager,
            referralIdOf(event),
            'case_completed',
            this.clock.now(),
            event.data.caseId,
          )),
      ),
      on(
        CaseReturned,
        async (event, { manager }) =>
          void (await this.load.release(
            manager,
            referralIdOf(event),
            'case_returned',
            this.clock.now(),
            event.data.caseId,
          )),
      ),
    ];
  }
}
