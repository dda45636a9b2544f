import { localDatabaseUrl, SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  registerDecorator,
} from 'class-validator';
import {
  DEV_CHECKPOINT_KEY,
  isDevCheckpointKey,
  parseCheckpointPrivateKey,
  parseCheckpointPublicKey,
  publicKeyBase64,
} from '@rj/audit/domain';
import { BaseServiceEnv, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** The public half of the development checkpoint key: what the API checks against by default. */
export const DEV_CHECKPOINT_PUBLIC_KEY = publicKeyBase64(parseCheckpointPrivateKey(DEV_CHECKPOINT_KEY));

/**
 * An Ed25519 public key (PEM or 32 raw bytes in base64); in production not the development
 * key's: its private half is public, so a checkpoint it verifies proves nothing.
 */
function IsCheckpointPublicKey(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCheckpointPublicKey',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          'must be an Ed25519 public key (PEM, or 32 bytes in base64), and not the development key in production',
      },
      validator: {
        validate(value: unknown, args): boolean {
          if (typeof value !== 'string') return false;
          try {
            const key = parseCheckpointPublicKey(value);
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
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = SERVICE_TOPOLOGY['audit-ledger'].port;

  /**
   * As the runtime role (AUDIT_ROLES.runtime): SELECT and INSERT on ledger_entry, never the
   * owner's rights; the migration job connects as the owner (migrate.ts).
   */
  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = localDatabaseUrl(SERVICE_TOPOLOGY['audit-ledger']);

  /**
   * The checkpoint signer's PUBLIC key: the API checks signatures with it and publishes it to
   * auditors. The private key lives in the signer only (signer.env.ts); the API never has it.
   */
  @IsCheckpointPublicKey()
  AUDIT_CHECKPOINT_PUBLIC_KEY = DEV_CHECKPOINT_PUBLIC_KEY;

  /**
   * The checkpoint signer (signer-main.ts), asked to sign the head on an admin's request.
   * Required in production; without it (tests, a service run alone) the API signs in process
   * with the development key.
   */
  @ValidateIf((env: AuditLedgerEnv) => env.NODE_ENV === 'production' || env.AUDIT_SIGNER_URL !== undefined)
  @IsUrlWithProtocol(['http:', 'https:'])
  AUDIT_SIGNER_URL?: string;

  /** This service's client id at the identity provider: its token to the signer carries it as `sub`. */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be a lower-case service name such as audit-ledger' })
  AUTH_CLIENT_ID = 'audit-ledger';

  /**
   * Its client secret there (client credentials, renewed before expiry), for calling the
   * signer. Required in production; without it, tests mint HS256 tokens instead.
   */
  @ValidateIf((env: AuditLedgerEnv) => env.NODE_ENV === 'production' || env.AUTH_CLIENT_SECRET !== undefined)
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  AUTH_CLIENT_SECRET?: string;

  @IsOptional()
  @IsUrlWithProtocol(['http:', 'https:'])
  AUTH_TOKEN_URL?: string;

  /** Embedded signing only (no AUDIT_SIGNER_URL): how often the head is signed; 0 turns the timer off. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;

  /** Rows per FETCH when streaming replay, export and verify: the memory bound of a stream. */
  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(50_000)
  AUDIT_STREAM_BATCH_SIZE = 2000;

  /**
   * Replays, exports and verifications streaming at once from one process (each holds a
   * connection of the streams' own pool); one more is refused with 429 and Retry-After.
   */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(32)
  AUDIT_STREAM_CONCURRENCY = 4;

  /** Verifications running at once in one process; more wait their turn. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(8)
  AUDIT_VERIFICATION_CONCURRENCY = 1;
}
