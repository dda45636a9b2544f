import { errorsByField, fieldIdOf, labelOf } from './field-ids';
import { formToBody, isoDate, NOT_A_DATE } from './form-to-body';
import type { ReferralFormValues } from './form-values';

const completeForm: ReferralFormValues = {
  source: 'prosecutor',
  caseNumber: ' CASE-1 ',
  jurisdiction: 'NL-NH',
  offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor', description: '' },
  incidentDate: { day: '7', month: '3', year: '2026' },
  stage: 'pre_trial',
  protectiveOrder: 'no',
  reportBackBy: { day: '1', month: '12', year: '2027' },
  parties: [
    {
      fullName: 'Alex Example',
      minor: 'no',
      contact: { email: 'alex@example.org', safeChannels: 'email' },
      preferredLanguage: 'nl',
      interpreter: 'no',
    },
    {
      fullName: 'Sam Example',
      minor: 'yes',
      guardianFullName: 'Jo Example',
      guardianPhone: '+31 6 1234 5678',
      contact: { phone: '+31 6 8765 4321', safeChannels: ['sms', 'phone'] },
      preferredLanguage: 'en',
      interpreter: 'yes',
    },
  ],
};

describe('the referral form as an API body', () => {
  it('converts dates, yes/no answers and lists, and leaves out empty fields', () => {
    const { body, errors } = formToBody(completeForm);
    expect(errors).toEqual([]);
    expect(body).toMatchObject({
      caseNumber: 'CASE-1',
      incidentDate: '2026-03-07',
      reportBackBy: '2027-12-01',
      protectiveOrder: false,
      offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
    });
    expect(body['offense']).not.toHaveProperty('description');
    const [harmed, responsible] = body['parties'] as Record<string, any>[];
    expect(harmed).toMatchObject({
      role: 'harmed',
      minor: false,
      interpreter: false,
      contact: { email: 'alex@example.org', safeChannels: ['email'] },
    });
    expect(harmed).not.toHaveProperty('guardian');
    expect(responsible).toMatchObject({
      role: 'responsible',
      minor: true,
      guardian: { fullName: 'Jo Example', contact: { phone: '+31 6 1234 5678', safeChannels: ['phone'] } },
    });
    expect(responsible['contact'].safeChannels).toEqual(['sms', 'phone']);
  });

  it('flags a date that does not exist, and sends what the service is sure to refuse', () => {
    const { body, errors } = formToBody({ ...completeForm, incidentDate: { day: '31', month: '2', year: '2026' } });
    expect(errors).toEqual([{ field: 'incidentDate', message: expect.stringContaining('real date') }]);
    expect(body['incidentDate']).toBe(NOT_A_DATE);
  });

  it('leaves a missing date out for the service to report', () => {
    const { body, errors } = formToBody({ ...completeForm, reportBackBy: {} });
    expect(errors).toEqual([]);
    expect(body).not.toHaveProperty('reportBackBy');
  });

  it('reads day, month and year', () => {
    expect(isoDate({ day: '29', month: '2', year: '2028' })).toBe('2028-02-29');
    expect(isoDate({ day: '29', month: '2', year: '2027' })).toBe('invalid');
    expect(isoDate({})).toBeUndefined();
  });
});

describe('API errors on the form', () => {
  it('links each error to its control', () => {
    expect(fieldIdOf('parties[0].contact.email')).toBe('parties-0-contact-email');
    expect(fieldIdOf('incidentDate')).toBe('incidentDate-day');
    expect(fieldIdOf('parties[1].dateOfBirth')).toBe('parties-1-dateOfBirth-day');
    expect(fieldIdOf('parties[1].guardian')).toBe('parties-1-guardianFullName');
  });

  it('says which field in words', () => {
    expect(labelOf('parties[1].contact.safeChannels')).toBe('Person responsible: safe ways to contact');
    expect(labelOf('caseNumber')).toBe('Case number');
    const { summary, byField } = errorsByField([{ field: 'caseNumber', message: 'must not be blank' }]);
    expect(summary).toEqual([{ href: '#caseNumber', text: 'Case number must not be blank' }]);
    expect(byField['caseNumber']).toBe('Case number must not be blank');
  });

  it('says a field’s problem once, even when it broke two rules', () => {
    const { summary } = errorsByField([
      { field: 'incidentDate', message: 'must be a date YYYY-MM-DD' },
      { field: 'incidentDate', message: 'must be a date YYYY-MM-DD' },
    ]);
    expect(summary).toHaveLength(1);
  });
});
