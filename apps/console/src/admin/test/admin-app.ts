import { AdminModule } from '../admin.module';
import { PagesApp } from '../../test/pages-app';

export type { Answer, RecordedCall } from '../../test/pages-app';

/** The administrators' pages behind the console's real routing, guard and error filter. */
export class AdminApp extends PagesApp {
  constructor() {
    super(AdminModule, { sub: 'admin-one', org: null, name: 'Ada Admin' });
  }
}
