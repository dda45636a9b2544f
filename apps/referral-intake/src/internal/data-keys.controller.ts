import { Controller, Get, Header, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, isOneOfServices, Roles, type Principal } from '@rj/shared/auth';
import { Forbidden, Gone, NotFound, UUID_PATTERN } from '@rj/shared/contracts';
import { KeyStore } from '../key-store/key-store';
import { AccessLog } from '../personal-data/access-log';
import { DATA_KEY_READERS, KEY_FETCH_ENDPOINT, KEY_FETCH_FIELDS } from './data-key-readers';

/** The answer KeyStoreClient (libs/shared/pii) reads. */
export interface DataKeyResponse {
  keyId: string;
  /** The raw 32-byte data key, base64. */
  key: string;
}

/**
 * `GET /internal/keys/{keyId}` (api.md): a referral's data key for another service that must
 * decrypt (reminders, a partner's view after acceptance). Served only by the internal
 * listener (INTERNAL_PORT on INTERNAL_HOST), only to the services that decrypt, each by its
 * own identity (DATA_KEY_READERS); any other caller gets 403 before the store is consulted.
 * 410 once the key was erased, 404 for a key the store never issued. Every key handed out is
 * recorded as `personal_data.read` (endpoint `GET /internal/keys/{keyId}`, field `dataKey`)
 * through the outbox before the answer leaves. The other service keeps the key in memory
 * briefly, never on disk.
 */
@Controller('internal/keys')
export class DataKeysController {
  constructor(
    private readonly keys: KeyStore,
    private readonly dataSource: DataSource,
    private readonly accessLog: AccessLog,
  ) {}

  @Roles('service')
  @Get(':keyId')
  @Header('Cache-Control', 'no-store')
  async key(@Param('keyId') keyId: string, @CurrentPrincipal() caller: Principal): Promise<DataKeyResponse> {
    if (!isOneOfServices(caller, DATA_KEY_READERS))
      throw new Forbidden('This service does not decrypt personal data and may not fetch data keys.');
    // Any id that is not a UUID was never issued: the same 404 as an unknown one.
    const stored = UUID_PATTERN.test(keyId) ? await this.keys.find(this.dataSource.manager, keyId.toLowerCase()) : null;
    if (!stored) throw new NotFound('no such data key');
    if (stored.state === 'erased') throw new Gone('the personal data under this key was erased');
    await this.accessLog.recordRead(caller, stored.referralId, KEY_FETCH_ENDPOINT, KEY_FETCH_FIELDS);
    return { keyId: stored.dataKey.keyId, key: stored.dataKey.key.toString('base64') };
  }
}
