import { bootstrapService, loadConfig } from '@rj/shared/service';
import { CheckpointSignerEnv } from './signer/signer.env';
import { signerModule } from './signer/signer.module';

/**
 * The checkpoint signer: a process of its own, the only one holding the checkpoint private key
 * (issue 14, item 7). audit-ledger's API asks it for signatures and never mounts the key.
 */
const config = loadConfig(CheckpointSignerEnv);
void bootstrapService({ name: 'audit-ledger-signer', module: signerModule(config), config });
