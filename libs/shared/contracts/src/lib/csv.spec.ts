import { csvField } from './csv';

describe('csvField (RFC 4180 and formula injection)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [7, '7'],
    [-7, '-7'],
  ])('quotes only when RFC 4180 needs it: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a=1', 'a=1'],
    ['{"id":1}', '"{""id"":1}"'],
  ])('neutralises a cell a spreadsheet would run as a formula: %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
