import { askForEveryMissing, chosenCategories, recordBody, recordFormFrom, recordTypeOf } from './practice-form';

describe('the practice record forms (issue 22)', () => {
  it('sends a credential as the service takes it: hours as a number, categories as codes, empty optionals left out', () => {
    const form = recordFormFrom({
      kind: 'specialist_dv_sv',
      issuer: ' Academy ',
      hours: '24,5',
      obtainedOn: '2026-03-02',
      expiresOn: '',
      certificateReference: '',
      offenseCategories: 'domestic_violence, sexual_offense',
      stray: 'x',
    });
    expect(recordBody('credential', form)).toEqual({
      kind: 'specialist_dv_sv',
      issuer: 'Academy',
      hours: 24.5,
      obtainedOn: '2026-03-02',
      offenseCategories: ['domestic_violence', 'sexual_offense'],
    });
  });

  it('takes the ticked offence categories, one or several, as codes', () => {
    const several = recordFormFrom({
      kind: 'specialist_dv_sv',
      offenseCategories: ['domestic_violence', 'sexual_offense'],
    });
    expect(recordBody('credential', several)['offenseCategories']).toEqual(['domestic_violence', 'sexual_offense']);
    expect(chosenCategories(several)).toEqual(['domestic_violence', 'sexual_offense']);
    expect(
      recordBody('credential', recordFormFrom({ offenseCategories: 'domestic_violence' }))['offenseCategories'],
    ).toEqual(['domestic_violence']);
    expect(recordBody('credential', recordFormFrom({ kind: 'youth' }))['offenseCategories']).toEqual([]);
  });

  it('sends empty answers empty, so the service names what is missing', () => {
    expect(recordBody('background-check', recordFormFrom({}))).toEqual({
      kind: '',
      issuer: '',
      checkedOn: '',
      expiresOn: '',
    });
    expect(recordBody('practice', recordFormFrom({ kind: 'supervision' }))).toEqual({
      kind: 'supervision',
      heldOn: '',
      withName: '',
    });
    expect(
      recordBody('language', recordFormFrom({ language: 'nl', checkedBy: 'Assessor', checkedOn: '2026-01-01' })),
    ).toEqual({ language: 'nl', checkedBy: 'Assessor', checkedOn: '2026-01-01' });
  });

  it('knows only its four kinds of record', () => {
    expect(recordTypeOf('background-check')).toBe('background-check');
    expect(recordTypeOf('anything')).toBeUndefined();
  });

  it('asks for each required answer left empty instead of quoting the service’s format rule', () => {
    const errors = {
      summary: [
        { href: '#hours', text: 'Hours must be 10000 or less' },
        { href: '#issuer', text: 'Issued by must not be empty' },
      ],
      byField: { hours: 'Hours must be 10000 or less', issuer: 'Issued by must not be empty' },
    };
    const asked = askForEveryMissing(errors, 'credential', recordFormFrom({ issuer: 'x', hours: '' }));
    expect(asked.summary.map((item) => item.text)).toEqual([
      'Enter the hours of training it stands for',
      'Issued by must not be empty',
    ]);
    expect(asked.byField['hours']).toBe('Enter the hours of training it stands for');
  });
});
