import { PartnerModule } from '../partner.module';
import { PagesApp } from '../../test/pages-app';

export type { Answer, RecordedCall } from '../../test/pages-app';

export const PARTNER_ID = '0190a000-0000-7000-8000-0000000000aa';

/** The partner administrators' pages behind the console's real routing, guard and error filter. */
export class PartnerApp extends PagesApp {
  constructor() {
    super(PartnerModule, { sub: 'partner-admin-1', org: PARTNER_ID, name: 'Pat Partner' });
  }
}
