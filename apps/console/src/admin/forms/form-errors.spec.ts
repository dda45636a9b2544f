import { controlIdOf, formErrors, plainMessage, unavailableErrors } from './form-errors';

describe('form errors', () => {
  it('link each API field to its control: lists and nested fields included', () => {
    expect(controlIdOf('contact.email')).toBe('contact-email');
    expect(controlIdOf('reviewOffenseCategories[2]')).toBe('reviewOffenseCategories');
    expect(controlIdOf('contact.email', { 'contact-email': 'contactEmail' })).toBe('contactEmail');
    expect(controlIdOf('')).toBe('form');
  });

  it('say the validation library’s messages plainly and pass the service’s own sentences through', () => {
    expect(plainMessage('must be a boolean value')).toBe('needs a yes or no answer');
    expect(plainMessage('must not be greater than 10000')).toBe('must be 10000 or less');
    expect(plainMessage('must be one of the following values: eligible, ineligible')).toBe(
      'needs one of the choices offered',
    );
    expect(plainMessage('"assault" is also excluded')).toBe(
      'includes assault, which is also excluded: choose one or the other',
    );
    expect(plainMessage('This partner is not active, so it cannot accept new cases.')).toBe(
      'This partner is not active, so it cannot accept new cases.',
    );
  });

  it('show one message per control, the first the service gave, labelled', () => {
    const errors = formErrors(
      [
        { field: 'name', message: 'must not be blank' },
        { field: 'name', message: 'must be a string' },
        { field: 'responseHours', message: 'must be a positive number' },
      ],
      { name: 'Name' },
      { fallbackId: 'name' },
    );
    expect(errors.byField).toEqual({
      name: 'Name must not be blank',
      responseHours: 'Response hours must be more than 0',
    });
    expect(errors.summary).toEqual([
      { href: '#name', text: 'Name must not be blank' },
      { href: '#responseHours', text: 'Response hours must be more than 0' },
    ]);
  });

  it('turn a refusal without fields into one summary line, a sentence', () => {
    expect(
      formErrors([], {}, { detail: 'an override of this referral is already waiting', fallbackId: 'reason' }).summary,
    ).toEqual([{ href: '#reason', text: 'An override of this referral is already waiting.' }]);
  });

  it('say nothing was saved and give the reference when the service is down', () => {
    expect(unavailableErrors('ref-42', 'name').summary[0].text).toMatch(
      /could not be saved.*Nothing you entered is lost.*ref-42/,
    );
  });
});
