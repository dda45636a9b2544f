import { DEV_JWT_SECRET } from '@rj/shared/auth';
import { ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { EnvList, EnvNumber, IsUrlWithProtocol } from './env-decorators';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * What every service reads from its environment. Apps extend it with their own variables;
 * defaults serve local development, and production refuses the ones that are secrets
 * (validate-config.ts). Property initialisers are the defaults.
 */
export class BaseServiceEnv {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @IsOptional() @IsString()
  SERVICE_NAME?: string;

  // 0 asks the OS for a free port (tests); bootstrapService returns the real URL.
  @EnvNumber() @IsInt({ message: 'must be a number between 0 and 65535' }) @Min(0, { message: 'must be a number between 0 and 65535' }) @Max(65535, { message: 'must be a number between 0 and 65535' })
  PORT!: number;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL = 'info';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 256kb or 1mb' })
  BODY_LIMIT = '256kb';

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  DATABASE_URL!: string;

  @IsUrlWithProtocol(['redis:', 'rediss:'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  @EnvList() @ArrayMinSize(1, { message: 'must list at least one host:port' }) @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @IsOptional() @IsString()
  KAFKA_CLIENT_ID?: string;

  /** Prepended to every topic name, so environments can share one cluster. */
  @IsOptional() @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may hold only letters, digits, dot, underscore and dash' })
  KAFKA_TOPIC_PREFIX = '';

  // HS256 needs a key at least as long as the hash (RFC 7518 §3.2).
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_JWT_SECRET = DEV_JWT_SECRET;

  @IsOptional() @IsUrlWithProtocol(['https:', 'http:'])
  AUTH_JWKS_URL?: string;

  @IsOptional() @IsString()
  AUTH_ISSUER?: string;

  @IsOptional() @IsString()
  AUTH_AUDIENCE?: string;

  @IsUrlWithProtocol(['smtp:', 'smtps:'])
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString() @MinLength(3)
  MAIL_FROM = 'Restorative Justice Platform <no-reply@rj.invalid>';

  // Kubernetes sends SIGKILL 30 s after SIGTERM by default; finish before it does.
  @EnvNumber() @IsInt({ message: 'must be a whole number of milliseconds' }) @Min(0, { message: 'must be a whole number of milliseconds' })
  SHUTDOWN_GRACE_MS = 25_000;
}
