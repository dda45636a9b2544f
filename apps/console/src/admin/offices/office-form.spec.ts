import { ApiRefused, ApiUnavailable } from '../../platform/api-client';
import { explainFailure } from '../forms/refusal';
import { renderPage } from '../test/render-page';
import { OFFICE_CONTROLS, OFFICE_LABELS, officeBody, officeFormFrom, officeFormOf } from './office-form';

describe('the office form', () => {
  it('sends the API body: trimmed name, jurisdiction codes from a comma list, the contact address', () => {
    const form = officeFormFrom({
      name: '  North District  ',
      jurisdictions: 'NL-NH, NL-FL\nNL-NH',
      contactEmail: ' rj@north.example ',
      role: 'admin',
    });
    expect(officeBody(form)).toEqual({
      name: 'North District',
      jurisdictions: ['NL-NH', 'NL-FL'],
      contact: { email: 'rj@north.example' },
    });
  });

  it('leaves empty fields empty for the service to name them', () => {
    expect(officeBody({})).toEqual({ name: '', jurisdictions: [], contact: { email: '' } });
  });

  it('shows a stored office as the form edits it', () => {
    const form = officeFormOf({
      id: 'x',
      name: 'North',
      jurisdictions: ['NL-NH', 'NL-FL'],
      contact: { email: 'a@b.example' },
      createdAt: '',
      updatedAt: '',
    });
    expect(form).toEqual({ name: 'North', jurisdictions: 'NL-NH, NL-FL', contactEmail: 'a@b.example' });
  });

  it('re-renders a refused form with the values as typed and each field’s message linked from the summary', async () => {
    const refused = new ApiRefused(
      {
        status: 400,
        detail: 'The request has 2 invalid fields.',
        errors: [
          { field: 'jurisdictions[1]', message: 'must be a code, not free text' },
          { field: 'contact.email', message: 'must be an email' },
        ],
      },
      'corr-1',
    );
    const failure = explainFailure(refused, OFFICE_LABELS, { fallbackId: 'name', controls: OFFICE_CONTROLS });
    expect(failure?.status).toBe(400);
    const html = await renderPage('pages/admin/offices/form.njk', {
      form: { name: 'North', jurisdictions: 'NL-NH, north holland', contactEmail: 'not-an-address' },
      idempotencyKey: '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11',
      errors: failure?.errors,
    });
    expect(html).toContain('<title>Error: Register an office');
    expect(html).toContain(
      'href="#jurisdictions">Jurisdictions must be codes: letters, digits, dashes and underscores, without spaces',
    );
    expect(html).toContain(
      'href="#contactEmail">Contact e-mail address must be an e-mail address, like name@example.org',
    );
    expect(html).toMatch(
      /id="contactEmail-error"[\s\S]*Contact e-mail address must be an e-mail address, like name@example.org/,
    );
    expect(html).toContain('value="not-an-address"');
    expect(html).toContain('NL-NH, north holland</textarea>');
    expect(html).toContain('name="idempotencyKey" value="0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11"');
    expect(html).toContain('name="_csrf" value="test-csrf-token"');
  });

  it('says nothing was saved, with the reference, when the service does not answer', async () => {
    const failure = explainFailure(new ApiUnavailable('referral-intake', 'corr-503', 503), OFFICE_LABELS, {
      fallbackId: 'name',
    });
    expect(failure?.status).toBe(503);
    const html = await renderPage('pages/admin/offices/form.njk', {
      form: { name: 'North' },
      office: { id: '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11' },
      errors: failure?.errors,
    });
    expect(html).toContain('could not be saved');
    expect(html).toContain('corr-503');
    expect(html).toContain('action="/admin/offices/0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11"');
    expect(html).toContain('value="North"');
  });

  it('leaves a 404 to the not-found page', () => {
    expect(explainFailure(new ApiRefused({ status: 404 }, 'c'), OFFICE_LABELS, { fallbackId: 'name' })).toBeUndefined();
  });
});
