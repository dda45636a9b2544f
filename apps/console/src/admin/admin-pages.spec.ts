import { renderPage } from './test/render-page';

const ID = '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';

const referral = {
  id: ID,
  status: 'needs_review',
  jurisdiction: 'NL-NH',
  offense: { code: 'SR-1', category: 'assault', severity: 'felony' },
  stage: 'pre_trial',
  reportBackBy: '2027-01-15',
  screeningReasons: [{ rule: 'review_offense_category', detail: 'assault' }],
};
const policy = {
  jurisdiction: 'NL-NH',
  version: 2,
  default: false,
  excludedOffenseCategories: ['domestic_violence'],
  reviewOffenseCategories: ['assault'],
  allowedStages: ['pre_trial'],
  excludedSeverities: ['felony'],
  protectiveOrderNeedsReview: false,
  createdAt: '2026-12-04T10:00:00.000Z',
};

// Each administrator page with the data its controller gives it: it renders, has one h1, and shows no raw code.
const PAGES: [string, Record<string, unknown>, string[]][] = [
  [
    'pages/admin/home.njk',
    {
      counts: {
        byStatus: { needs_review: 3, matching: 2 },
        total: 5,
        open: 5,
        deadlinesAtRisk: { withinDays: 7, cutoff: '2026-12-13', count: 1 },
      },
      reviewQueue: [referral],
    },
    [
      `href="/admin/review-queue/${ID}"`,
      'Needs a review',
      'href="/referrals?status=needs_review"',
      'href="/admin/screening-policies"',
    ],
  ],
  [
    'pages/admin/offices/list.njk',
    {
      offices: [
        { id: ID, name: 'North District', jurisdictions: ['NL-NH', 'NL-FL'], contact: { email: 'rj@north.example' } },
      ],
      nextCursor: 'abc',
      firstPage: true,
    },
    [`href="/admin/offices/${ID}/edit"`, 'NL-NH, NL-FL', 'href="/admin/offices?after=abc"'],
  ],
  [
    'pages/admin/partners/list.njk',
    {
      partners: [
        {
          id: ID,
          name: 'Herstel',
          jurisdictions: ['NL-NH'],
          languageNames: ['Dutch'],
          openCases: 1,
          capacity: 4,
          specialties: ['sexual_offense'],
          active: false,
          state: 'deactivated',
        },
      ],
      nextCursor: null,
      firstPage: true,
    },
    ['Sexual offence', 'Deactivated', 'Dutch', '1 of 4'],
  ],
  [
    'pages/admin/screening-policies/list.njk',
    { policies: [policy], onDefault: ['NL-FL'] },
    [
      'href="/admin/screening-policies/NL-NH"',
      'href="/admin/screening-policies/NL-FL"',
      'Domestic violence',
      'action="/admin/screening-policies"',
    ],
  ],
  [
    'pages/admin/screening-policies/version.njk',
    { jurisdiction: 'NL-NH', policy, changes: ['Excluded added: robbery.'] },
    ['Version 2', 'Before trial', 'Felony', 'Excluded added: robbery.'],
  ],
  [
    'pages/admin/referrals/erase.njk',
    { referralId: ID },
    [
      'cannot be undone',
      'unreadable, for good',
      'audit log stays whole',
      `action="/admin/referrals/${ID}/erase"`,
      'govuk-button--warning',
    ],
  ],
];

describe('the administrators’ pages', () => {
  it.each(PAGES)('%s renders with one heading and its content', async (view, context, expected) => {
    const html = await renderPage(view, context);
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    for (const text of expected) expect(html).toContain(text);
    expect(html).not.toMatch(
      />[^<]*\b(needs_review|domestic_violence|sexual_offense|pre_trial|review_offense_category)\b/,
    );
  });

  it('puts the CSRF token in every form that changes something', async () => {
    const html = await renderPage('pages/admin/referrals/erase.njk', { referralId: ID });
    expect(html).toMatch(
      /<form method="post" action="\/admin\/referrals\/[^"]+\/erase" id="erase">\s*<input type="hidden" name="_csrf" value="test-csrf-token">/,
    );
  });
});
