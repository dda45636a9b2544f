import { bootstrapService, loadConfig } from '@rj/shared/service';
import { appModule } from './app.module';
import { internalModule } from './internal/internal.module';
import { ReferralIntakeEnv } from './referral-intake.env';

const config = loadConfig(ReferralIntakeEnv);
// The key store answers on INTERNAL_PORT only, bound to INTERNAL_HOST, in an app of its own (architecture.md).
void bootstrapService({
  name: 'referral-intake',
  module: appModule(config),
  config,
  internal: { port: config.INTERNAL_PORT, host: config.INTERNAL_HOST, module: internalModule(config) },
});
