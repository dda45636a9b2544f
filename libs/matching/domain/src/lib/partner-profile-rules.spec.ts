import { Forbidden, RuleViolation } from '@rj/shared/contracts';
import {
  assertActivationAllowed,
  assertPartnerActive,
  assertProfileChangeAllowed,
  PARTNER_ADMIN_EDITABLE_FIELDS,
} from './partner-profile-rules';

describe('who edits which part of a partner profile', () => {
  it('lets a partner_admin keep capacity, languages, active, response window and contact up to date', () => {
    expect(() => assertProfileChangeAllowed('partner_admin', [...PARTNER_ADMIN_EDITABLE_FIELDS])).not.toThrow();
  });

  it.each(['name', 'jurisdictions', 'offenseCategories', 'servesMinors', 'specialties'])(
    'leaves %s to the platform admin',
    (field) => {
      expect(() => assertProfileChangeAllowed('partner_admin', ['capacity', field])).toThrow(Forbidden);
      expect(() => assertProfileChangeAllowed('admin', ['capacity', field])).not.toThrow();
    },
  );

  it('says that only an admin grants specialist status (issue 14, item 9)', () => {
    expect(() => assertProfileChangeAllowed('partner_admin', ['specialties'])).toThrow(
      'a partner_admin may not change specialties. Only an admin grants specialist status.',
    );
  });

  it('names the refused fields', () => {
    expect(() => assertProfileChangeAllowed('partner_admin', ['name', 'jurisdictions'])).toThrow(
      'a partner_admin may not change name, jurisdictions',
    );
  });

  it.each(['prosecutor', 'mediator', 'auditor', 'service'] as const)('refuses a %s outright', (role) => {
    expect(() => assertProfileChangeAllowed(role, ['capacity'])).toThrow(Forbidden);
  });
});

describe('activating and deactivating a partner', () => {
  it("keeps an admin's deactivation until an admin lifts it", () => {
    expect(() => assertActivationAllowed('partner_admin', true, true)).toThrow('only an admin can activate it again');
    expect(() => assertActivationAllowed('admin', true, true)).not.toThrow();
    expect(() => assertActivationAllowed('partner_admin', true, false)).not.toThrow();
    expect(() => assertActivationAllowed('partner_admin', false, true)).not.toThrow();
  });

  it('lets no inactive partner accept a case', () => {
    expect(() => assertPartnerActive({ active: false })).toThrow(RuleViolation);
    expect(() => assertPartnerActive({ active: true })).not.toThrow();
  });
});
