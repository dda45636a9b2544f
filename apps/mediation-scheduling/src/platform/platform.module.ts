import { Global, Module } from '@nestjs/common';
import { KeyStoreClient } from '@rj/shared/pii';
import { CLOCK, systemClock } from './clock';
import { keyStoreProvider } from './key-store.provider';

/** The clock and the key-store client, one of each for the whole service. */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }, keyStoreProvider], exports: [CLOCK, KeyStoreClient] })
export class PlatformModule {}
