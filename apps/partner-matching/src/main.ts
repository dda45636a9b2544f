import { bootstrapService, loadConfig } from '@rj/shared/service';
import { appModule } from './app.module';
import { PartnerMatchingEnv } from './partner-matching.env';

const config = loadConfig(PartnerMatchingEnv);
void bootstrapService({ name: 'partner-matching', module: appModule(config), config });
