import { bootstrapService, loadConfig } from '@rj/shared/service';
import { appModule } from './app.module';
import { AuditLedgerEnv } from './audit-ledger.env';

const config = loadConfig(AuditLedgerEnv);
void bootstrapService({ name: 'audit-ledger', module: appModule(config), config });
