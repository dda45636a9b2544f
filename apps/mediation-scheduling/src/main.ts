import { bootstrapService, loadConfig } from '@rj/shared/service';
import { appModule } from './app.module';
import { MediationSchedulingEnv } from './mediation-scheduling.env';

const config = loadConfig(MediationSchedulingEnv);
void bootstrapService({ name: 'mediation-scheduling', module: appModule(config), config });
