import { Controller, Get, Header, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Roles } from '@rj/shared/auth';
import { Gone, NotFound, UUID_PATTERN } from '@rj/shared/contracts';
import { KeyStore } from '../key-store/key-store';

/** The answer KeyStoreClient (libs/shared/pii) reads. */
export interface DataKeyResponse {
  keyId: string;
  /** The raw 32-byte data key, base64. */
  key: string;
}

/**
 * `GET /internal/keys/{keyId}` (api.md): a referral's data key for another service that must
 * decrypt (reminders, a partner's view after acceptance). Served only by the internal
 * listener (INTERNAL_PORT), only to role `service`; 410 once the key was erased, 404 for a
 * key the store never issued. The other service keeps it in memory briefly, never on disk.
 */
@Controller('internal/keys')
export class DataKeysController {
  constructor(
    private readonly keys: KeyStore,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('service')
  @Get(':keyId')
  @Header('Cache-Control', 'no-store')
  async key(@Param('keyId') keyId: string): Promise<DataKeyResponse> {
    // Any id that is not a UUID was never issued: the same 404 as an unknown one.
    const stored = UUID_PATTERN.test(keyId) ? await this.keys.find(this.dataSource.manager, keyId.toLowerCase()) : null;
    if (!stored) throw new NotFound('no such data key');
    if (stored.state === 'erased') throw new Gone('the personal data under this key was erased');
    return { keyId: stored.dataKey.keyId, key: stored.dataKey.key.toString('base64') };
  }
}
