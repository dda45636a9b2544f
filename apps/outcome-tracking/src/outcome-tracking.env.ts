import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceEnv, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** outcome-tracking's environment: the platform's base variables plus its own. See .env.example. */
export class OutcomeTrackingEnv extends BaseServiceEnv {
  @EnvNumber() @IsInt() @Min(0) @Max(65535)
  override PORT = 3004;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rj_outcome_tracking';
}
