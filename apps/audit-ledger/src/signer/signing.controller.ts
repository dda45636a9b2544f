import { Controller, Post } from '@nestjs/common';
import { CurrentPrincipal, isOneOfServices, Roles, type Principal } from '@rj/shared/auth';
import { Forbidden, NotFound } from '@rj/shared/contracts';
import { HeadSigner } from './head-signer.service';

/** The only caller the signer serves: audit-ledger's API, by the `sub` of its service token. */
export const SIGNATURE_REQUESTERS: readonly string[] = ['audit-ledger'];

/**
 * `POST /internal/checkpoints`: signs the ledger's head now (unless it already is) and returns
 * the latest checkpoint. The request carries nothing: the signer reads the head itself and
 * signs it only if the chain since its last checkpoint verifies (409 otherwise). 404 on an
 * empty ledger; 403 for any caller but audit-ledger.
 */
@Controller('internal/checkpoints')
export class SigningController {
  constructor(private readonly signer: HeadSigner) {}

  @Roles('service')
  @Post()
  async sign(@CurrentPrincipal() caller: Principal) {
    if (!isOneOfServices(caller, SIGNATURE_REQUESTERS))
      throw new Forbidden('Only audit-ledger may ask for checkpoints to be signed.');
    const checkpoint = await this.signer.signHead();
    if (!checkpoint) throw new NotFound('the ledger is empty: nothing to sign');
    return checkpoint;
  }
}
