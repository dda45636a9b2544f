import { Global, Module, type DynamicModule } from '@nestjs/common';
import { parseMasterKeys } from '@rj/shared/pii';
import { KeyStore, MASTER_KEYS } from './key-store';

/** The key store with the configured master keys (PII_MASTER_KEYS), for either listener's app. */
@Global()
@Module({})
export class KeyStoreModule {
  static forRoot(masterKeys: string): DynamicModule {
    return {
      module: KeyStoreModule,
      providers: [KeyStore, { provide: MASTER_KEYS, useValue: parseMasterKeys(masterKeys) }],
      exports: [KeyStore],
    };
  }
}
