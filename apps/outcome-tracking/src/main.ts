import { bootstrapService, loadConfig } from '@rj/shared/service';
import { appModule } from './app.module';
import { OutcomeTrackingEnv } from './outcome-tracking.env';

const config = loadConfig(OutcomeTrackingEnv);
void bootstrapService({ name: 'outcome-tracking', module: appModule(config), config });
