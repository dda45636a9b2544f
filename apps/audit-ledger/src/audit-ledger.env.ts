import { IsInt, Max, Min, registerDecorator } from 'class-validator';
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
      options: { message: 'must be an Ed25519 private key (PEM, or 32 bytes in base64), and not the development key in production' },
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

/** audit-ledger's environment: the platform's base variables plus its own. See .env.example. */
export class AuditLedgerEnv extends BaseServiceEnv {
  @EnvNumber() @IsInt() @Min(0) @Max(65535)
  override PORT = 3005;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rj_audit_ledger';

  /** Signs checkpoints of the chain. Development default: the public DEV_CHECKPOINT_KEY. */
  @IsCheckpointPrivateKey()
  AUDIT_CHECKPOINT_PRIVATE_KEY = DEV_CHECKPOINT_KEY;

  /** How often the latest (sequence, hash) is signed, if it moved; 0 turns the timer off. */
  @EnvNumber() @IsInt() @Min(0)
  AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;

  /** Rows per FETCH when streaming replay, export and verify: the memory bound of a stream. */
  @EnvNumber() @IsInt() @Min(100) @Max(50_000)
  AUDIT_STREAM_BATCH_SIZE = 2000;
}
