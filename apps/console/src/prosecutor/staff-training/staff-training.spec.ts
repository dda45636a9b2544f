import { askForEveryAnswer } from './staff-training.controller';

describe('the staff training form (issue 22)', () => {
  it('asks for the hours left empty instead of quoting the service’s lower bound, and keeps other messages', () => {
    const errors = {
      summary: [
        { href: '#hours', text: 'Hours must be 0.5 or more' },
        { href: '#completedOn', text: 'Date completed must be a date YYYY-MM-DD' },
      ],
      byField: { hours: 'Hours must be 0.5 or more', completedOn: 'Date completed must be a date YYYY-MM-DD' },
    };
    const asked = askForEveryAnswer(errors, { course: 'Victim awareness', completedOn: 'yesterday', hours: '' });
    expect(asked.summary.map((item) => item.text)).toEqual([
      'Enter the hours of training',
      'Date completed must be a date YYYY-MM-DD',
    ]);
  });
});
