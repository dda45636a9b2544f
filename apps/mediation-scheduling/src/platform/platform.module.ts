import { Global, Module } from '@nestjs/common';
import { KeyStoreClient } from '@rj/shared/pii';
import { keyStoreProvider } from './key-store.provider';

/** The key-store client, one for the whole service (the Clock comes with ServiceCoreModule). */
@Global()
@Module({ providers: [keyStoreProvider], exports: [KeyStoreClient] })
export class PlatformModule {}
