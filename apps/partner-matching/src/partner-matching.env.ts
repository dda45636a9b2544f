import { IsInt, Max, Min } from 'class-validator';
import { BaseServiceEnv, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** partner-matching's environment: the platform's base variables plus its own. See .env.example. */
export class PartnerMatchingEnv extends BaseServiceEnv {
  @EnvNumber() @IsInt() @Min(0) @Max(65535)
  override PORT = 3002;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rj_partner_matching';
}
