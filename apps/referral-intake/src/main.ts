import { bootstrapService, loadConfig } from '@rj/shared/service';
import { appModule } from './app.module';
import { ReferralIntakeEnv } from './referral-intake.env';

const config = loadConfig(ReferralIntakeEnv);
void bootstrapService({ name: 'referral-intake', module: appModule(config), config });
