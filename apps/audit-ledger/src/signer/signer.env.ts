import { IsInt, Max, Min, registerDecorator } from 'class-validator';
import { localDatabaseUrl, SIGNER_TOPOLOGY } from '@rj/shared/contracts';
import { DEV_CHECKPOINT_KEY, isDevCheckpointKey, parseCheckpointPrivateKey } from '@rj/audit/domain';
import { BaseServiceEnv, DEV_SECRETS, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

// Production refuses public development defaults of secrets (validate-config.ts).
DEV_SECRETS.add(DEV_CHECKPOINT_KEY);

/**
 * An Ed25519 private key (PEM or 32 raw bytes in base64). In production the development key is
 * refused in any form (PEM or raw): a checkpoint signed with a public key proves nothing. This
 * check is here as well as in DEV_SECRETS because the shared check only looks at variables
 * named *_SECRET / *_MASTER_KEY / *_SIGNING_KEY.
 */
function IsCheckpointPrivateKey(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCheckpointPrivateKey',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          'must be an Ed25519 private key (PEM, or 32 bytes in base64), and not the development key in production',
      },
      validator: {
        validate(value: unknown, args): boolean {
          if (typeof value !== 'string') return false;
          try {
            const key = parseCheckpointPrivateKey(value);
            return !((args?.object as { NODE_ENV?: string }).NODE_ENV === 'production' && isDevCheckpointKey(key));
          } catch {
            return false;
          }
        },
      },
    });
}

/**
 * The checkpoint signer's environment (signer-main.ts): the only process that holds the
 * checkpoint private key. It needs no Kafka and no key store; its database role reads the
 * chain and adds checkpoints, nothing else (AUDIT_ROLES.signer). See .env.example.
 */
export class CheckpointSignerEnv extends BaseServiceEnv {
  /** Serves POST /internal/checkpoints to audit-ledger's API only (and health); never exposed. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = SIGNER_TOPOLOGY.port;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = localDatabaseUrl(SIGNER_TOPOLOGY);

  /** Signs checkpoints of the chain. Development default: the public DEV_CHECKPOINT_KEY. */
  @IsCheckpointPrivateKey()
  AUDIT_CHECKPOINT_PRIVATE_KEY = DEV_CHECKPOINT_KEY;

  /** How often the latest (sequence, hash) is signed, if it moved; 0 turns the timer off. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;

  /** Rows per FETCH while verifying the entries since the last checkpoint. */
  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(50_000)
  AUDIT_STREAM_BATCH_SIZE = 2000;
}
