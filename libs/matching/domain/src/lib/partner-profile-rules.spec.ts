import { Forbidden } from '@rj/shared/contracts';
import { assertProfileChangeAllowed, PARTNER_ADMIN_EDITABLE_FIELDS } from './partner-profile-rules';

describe('who edits which part of a partner profile', () => {
  it('lets a partner_admin keep capacity, languages, specialties, active, response window and contact up to date', () => {
    expect(() => assertProfileChangeAllowed('partner_admin', [...PARTNER_ADMIN_EDITABLE_FIELDS])).not.toThrow();
  });

  it.each(['name', 'jurisdictions', 'offenseCategories', 'servesMinors'])('leaves %s to the platform admin', (field) => {
    expect(() => assertProfileChangeAllowed('partner_admin', ['capacity', field])).toThrow(Forbidden);
    expect(() => assertProfileChangeAllowed('admin', ['capacity', field])).not.toThrow();
  });

  it('names the refused fields', () => {
    expect(() => assertProfileChangeAllowed('partner_admin', ['name', 'jurisdictions'])).toThrow('a partner_admin may not change name, jurisdictions');
  });

  it.each(['prosecutor', 'mediator', 'auditor', 'service'] as const)('refuses a %s outright', (role) => {
    expect(() => assertProfileChangeAllowed(role, ['capacity'])).toThrow(Forbidden);
  });
});
