import { Clock } from '@rj/shared/service';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { CaseCompleted, CaseConcluded, CaseOpened, CaseReturned } from '@rj/shared/contracts';
import { EventContext, EventPattern, type EventOf } from '@rj/shared/messaging';
import { PartnerLoad } from '../partners/partner-load.service';
import { referralIdOf } from './referral-id';

/**
 * Partner load from the cases partners hold (api.md: matching consumes case.opened,
 * case.concluded, case.completed, case.returned). These come from other topics in no particular
 * order; releasing is idempotent, so whichever ending arrives first frees the capacity.
 */
@Controller()
export class CaseEventsHandler {
  constructor(
    private readonly load: PartnerLoad,
    private readonly clock: Clock,
  ) {}

  @EventPattern(CaseOpened.type)
  async onOpened(@Payload() event: EventOf<typeof CaseOpened>, @Ctx() { manager }: EventContext): Promise<void> {
    await this.load.linkCase(manager, referralIdOf(event), event.data.offerId, event.data.caseId);
  }

  @EventPattern(CaseConcluded.type)
  async onConcluded(@Payload() event: EventOf<typeof CaseConcluded>, @Ctx() { manager }: EventContext): Promise<void> {
    await this.load.release(manager, referralIdOf(event), 'case_concluded', this.clock.now(), event.data.caseId);
  }

  @EventPattern(CaseCompleted.type)
  async onCompleted(@Payload() event: EventOf<typeof CaseCompleted>, @Ctx() { manager }: EventContext): Promise<void> {
    await this.load.release(manager, referralIdOf(event), 'case_completed', this.clock.now(), event.data.caseId);
  }

  @EventPattern(CaseReturned.type)
  async onReturned(@Payload() event: EventOf<typeof CaseReturned>, @Ctx() { manager }: EventContext): Promise<void> {
    await this.load.release(manager, referralIdOf(event), 'case_returned', this.clock.now(), event.data.caseId);
  }
}
