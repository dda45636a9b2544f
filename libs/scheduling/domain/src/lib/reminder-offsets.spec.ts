import { parseReminderOffsets } from './reminder-offsets';

describe('REMINDER_OFFSETS_MINUTES', () => {
  it.each([
    ['1440,120', { offsets: [1440, 120] }],
    [' 1440 , 120 ,1440', { offsets: [1440, 120] }],
    ['0', { offsets: [0] }],
    ['', { offsets: [] }],
  ])('reads %j', (text, expected) => {
    expect(parseReminderOffsets(text)).toEqual(expected);
  });

  it.each(['1.5', '-5', 'abc', '90000'])('refuses %j', (text) => {
    expect(parseReminderOffsets(text)).toHaveProperty('problem');
  });
});
