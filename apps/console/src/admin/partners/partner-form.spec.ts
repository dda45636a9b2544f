import { ApiRefused } from '../../platform/api-client';
import { categoryItems } from '../forms/category-choices';
import { explainFailure } from '../forms/refusal';
import { renderPage } from '../test/render-page';
import type { PartnerView } from '../api-shapes';
import { partnerState } from './partner-state';
import {
  newPartnerBody,
  PARTNER_CONTROLS,
  PARTNER_LABELS,
  partnerChangesBody,
  partnerFormFrom,
  partnerFormOf,
} from './partner-form';

const posted = {
  name: 'Herstel Noord ',
  jurisdictions: 'NL-NH, NL-FL',
  offenseCategories: ['assault', 'theft'],
  offenseCategoriesOther: 'shop_lifting',
  languages: 'nl, en',
  servesMinors: 'yes',
  capacity: '12',
  responseHours: '0,5',
  specialties: 'domestic_violence',
  specialtiesOther: '',
  contactEmail: '',
  active: 'false',
};

const stored: PartnerView = {
  id: '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11',
  name: 'Herstel Noord',
  jurisdictions: ['NL-NH'],
  offenseCategories: ['assault', 'regional_code'],
  languages: ['nl'],
  servesMinors: false,
  capacity: 5,
  openCases: 2,
  responseHours: 48,
  typicalResponseHours: null,
  specialties: [],
  active: true,
  deactivatedAt: null,
  contact: { email: 'intake@herstel.example' },
  createdAt: '',
  updatedAt: '',
};

describe('the partner form', () => {
  it('registers with the whole profile, specialist categories included, and no contact when none was given', () => {
    expect(newPartnerBody(partnerFormFrom(posted))).toEqual({
      name: 'Herstel Noord',
      jurisdictions: ['NL-NH', 'NL-FL'],
      offenseCategories: ['assault', 'theft', 'shop_lifting'],
      languages: ['nl', 'en'],
      servesMinors: true,
      capacity: 12,
      responseHours: 0.5,
      specialties: ['domestic_violence'],
    });
  });

  it('never changes whether the partner takes cases, and removes an emptied contact address', () => {
    const body = partnerChangesBody(partnerFormFrom(posted));
    expect(body).not.toHaveProperty('active');
    expect(body['contact']).toBeNull();
  });

  it('sends unanswered and unreadable numbers as they are, for the service to name', () => {
    const body = newPartnerBody(partnerFormFrom({ capacity: 'twelve', responseHours: '', servesMinors: undefined }));
    expect(body).toMatchObject({ capacity: 'twelve', responseHours: '', servesMinors: '' });
  });

  it('keeps a stored category the catalogue does not know as a ticked box', () => {
    const items = categoryItems(partnerFormOf(stored).offenseCategories ?? []);
    expect(items.find((item) => item.value === 'regional_code')).toEqual({
      value: 'regional_code',
      text: 'Regional code',
      checked: true,
    });
    expect(items.find((item) => item.value === 'assault')?.checked).toBe(true);
    expect(items.find((item) => item.value === 'theft')?.checked).toBe(false);
  });

  it('re-renders a refused change with the ticked boxes and typed values kept and the errors in plain words', async () => {
    const form = partnerFormFrom(posted);
    const failure = explainFailure(
      new ApiRefused(
        {
          status: 400,
          errors: [
            { field: 'capacity', message: 'must not be greater than 10000' },
            { field: 'servesMinors', message: 'must be a boolean value' },
          ],
        },
        'c',
      ),
      PARTNER_LABELS,
      { fallbackId: 'name', controls: PARTNER_CONTROLS },
    );
    const html = await renderPage('pages/admin/partners/form.njk', {
      form,
      partner: stored,
      state: 'active',
      errors: failure?.errors,
      categoryItems: categoryItems(form.offenseCategories ?? []),
      specialtyItems: categoryItems(form.specialties ?? []),
    });
    expect(html).toContain('href="#capacity">Capacity must be 10000 or less');
    expect(html).toContain('href="#servesMinors">Works with people under 18 needs a yes or no answer');
    expect(html).toMatch(/name="offenseCategories" type="checkbox" value="theft" checked/);
    expect(html).toMatch(/name="specialties" type="checkbox" value="domestic_violence" checked/);
    expect(html).toContain('value="shop_lifting"');
    expect(html).toContain('value="0,5"');
    expect(html).toContain('href="/admin/partners/0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11/deactivate"');
  });

  it('asks for confirmation before deactivating and says what it does', async () => {
    const html = await renderPage('pages/admin/partners/deactivate.njk', { partner: stored });
    expect(html).toContain('Are you sure you want to deactivate this partner?');
    expect(html).toContain('receives no new offers');
    expect(html).toContain('it has 2 open cases');
    expect(html).toContain('action="/admin/partners/0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11/deactivate"');
  });
});

describe('a partner’s state', () => {
  it('tells its own pause from a platform administrator’s deactivation', () => {
    expect(partnerState({ active: true, deactivatedAt: null })).toBe('active');
    expect(partnerState({ active: false, deactivatedAt: null })).toBe('paused');
    expect(partnerState({ active: false, deactivatedAt: '2026-12-06T10:00:00.000Z' })).toBe('deactivated');
  });

  it('offers activation, not deactivation, for a deactivated partner', async () => {
    const partner = { ...stored, active: false, deactivatedAt: '2026-12-06T10:00:00.000Z' };
    const html = await renderPage('pages/admin/partners/form.njk', {
      form: partnerFormOf(partner),
      partner,
      state: partnerState(partner),
      categoryItems: [],
      specialtyItems: [],
    });
    expect(html).toContain('only a platform administrator can make it active again');
    expect(html).toContain(`action="/admin/partners/${partner.id}/activate"`);
    expect(html).not.toContain('/deactivate"');
  });
});
