import { renderPage } from '../../test/render';
import { KIND_WORDS } from '../../partner/practice/practice-form';

describe('the verification queue (issue 22)', () => {
  it('names the mediator and the programme that vouches for each record', async () => {
    const html = await renderPage('pages/admin/practice/queue.njk', {
      records: [
        {
          id: '0193a4b2-0000-7000-8000-0000000000aa',
          mediatorId: 'mediator-1',
          partnerId: 'p',
          recordType: 'credential',
          kind: 'basic_mediation',
          recordedAt: '2026-12-01T10:00:00Z',
          verifiedAt: null,
          issuer: 'Mediation Academy',
          hours: 30,
          obtainedOn: '2026-03-02',
          certificateReference: 'MA-2026-0042',
          mediatorName: 'Mia Mediator',
          partnerName: 'Herstelbemiddeling Noord',
        },
      ],
      nextCursor: null,
      kindWords: KIND_WORDS,
    });
    expect(html).toContain('href="/admin/mediators/mediator-1/practice"');
    const row = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(row).toContain(
      'Mia Mediator Herstelbemiddeling Noord Basic mediation training, 30 hours Mediation Academy Obtained 2 March 2026 No expiry MA-2026-0042',
    );
  });
});
